using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Suzhou.News.Operations;

namespace Suzhou.News.TipOffs;

/// <summary>
/// Files sent with tips and reports, in <c>{data}/attachments/</c> under random names, outside wwwroot.
/// Types are decided by the first bytes of the file, never by its name or the browser's claim.
/// </summary>
public sealed partial class AttachmentStore(IOptions<StorageOptions> storage)
{
    public string Root => storage.Value.AttachmentsPath;

    /// <summary>JPEG, PNG, WebP, GIF, MP4 (and the MOV files phones make), PDF; null for anything else.</summary>
    public static string? DetectType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head[8..12].SequenceEqual("qt  "u8) ? "video/quicktime" : "video/mp4";
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }
        return null;
    }

    public static async Task<string?> DetectTypeAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[16];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return DetectType(head.AsSpan(0, read));
    }

    /// <summary>Writes the file under a new random name and syncs it to disk; returns the name.</summary>
    public async Task<string> SaveAsync(IFormFile file, CancellationToken ct)
    {
        Directory.CreateDirectory(Root);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var target = new FileStream(Path.Combine(Root, name), FileMode.CreateNew, FileAccess.Write, FileShare.None,
            81920, FileOptions.Asynchronous);
        await using (var source = file.OpenReadStream())
        {
            await source.CopyToAsync(target, ct);
        }
        target.Flush(flushToDisk: true);
        return name;
    }

    /// <summary>Makes the new names durable: call once after the last <see cref="SaveAsync"/>.</summary>
    public void SyncFolder() => Durable.SyncDirectory(Root);

    public void Delete(string storedName)
    {
        if (IsStoredName(storedName))
        {
            File.Delete(Path.Combine(Root, storedName));
        }
    }

    /// <summary>Opens a stored file for reading, or null when it is missing or the name is not one we made.</summary>
    public FileStream? Open(string storedName)
    {
        var path = Path.Combine(Root, storedName);
        return IsStoredName(storedName) && File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous)
            : null;
    }

    public static bool IsStoredName(string name) => StoredNamePattern().IsMatch(name);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex StoredNamePattern();

    /// <summary>The sender's file name without any path, trimmed to fit; for staff eyes and Content-Disposition only.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "附件";
        }
        return name.Length <= SubmissionAttachment.OriginalNameMaxLength ? name : name[^SubmissionAttachment.OriginalNameMaxLength..];
    }
}
