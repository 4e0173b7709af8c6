using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Suzhou.News.Media;

/// <summary>The files an accepted upload became.</summary>
public sealed record StoredImage(string StoredName, string Extension, string ContentType, int Width, int Height, long ByteSize, List<int> VariantWidths);

/// <summary>Either the stored files or a Chinese message saying why the upload was refused.</summary>
public sealed record UploadResult(StoredImage? Image, string? Error, bool TooLarge = false)
{
    public static UploadResult Refused(string message) => new(null, message);
}

/// <summary>
/// Turns an uploaded file into pictures the site serves: proves it is a JPEG, PNG, WebP or GIF by decoding it
/// (the name and the browser's content type are ignored), refuses huge pixel counts before decoding, turns it
/// upright, drops every metadata block (EXIF with GPS, ICC, XMP, IPTC, PNG text), re-encodes it under a random
/// name and writes the smaller copies for <c>srcset</c>. An animated GIF or WebP keeps its first frame only.
/// JPEG stays JPEG, PNG stays PNG; WebP and GIF become JPEG, or PNG when they have transparent pixels.
/// </summary>
public sealed partial class MediaUploads(MediaLibrary library, IOptions<MediaOptions> options, ILogger<MediaUploads> logger)
{
    public const string Accepted = "只接受 JPEG、PNG、WebP、GIF 格式的图片。";

    static readonly Configuration Decoders = CreateDecoders();

    static Configuration CreateDecoders()
    {
        // Only the four formats we accept: BMP, TIFF, TGA and the rest are not even recognised.
        var configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule());
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }

    public MediaOptions Options => options.Value;

    public async Task<UploadResult> StoreAsync(Stream content, long length, CancellationToken ct)
    {
        var limits = options.Value;
        if (length <= 0)
        {
            return UploadResult.Refused("文件是空的，请重新选择图片。");
        }
        if (length > limits.MaxBytes)
        {
            return new UploadResult(null, TooLargeMessage(limits.MaxBytes), TooLarge: true);
        }

        using var buffer = new MemoryStream((int)Math.Min(length, int.MaxValue));
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > limits.MaxBytes)
        {
            return new UploadResult(null, TooLargeMessage(limits.MaxBytes), TooLarge: true);
        }
        if (Sniff(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 1024))) is { } refusal)
        {
            return UploadResult.Refused(refusal);
        }

        buffer.Position = 0;
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            (info, format) = await Image.IdentifyWithFormatAsync(Decoders, buffer, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Crafted files can make a decoder throw almost anything; none of it is the server's fault.
            LogUndecodable(logger, e.GetType().Name);
            return UploadResult.Refused("文件内容不是完好的图片（可能已损坏或被改了扩展名）。" + Accepted);
        }
        if (info is null || format is null)
        {
            return UploadResult.Refused("文件内容不是图片（扩展名不能决定文件类型）。" + Accepted);
        }
        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            return UploadResult.Refused($"图片尺寸过大（{info.Width}×{info.Height} 像素），最多 {limits.MaxPixels / 1_000_000.0:0.#} 百万像素，请缩小后再上传。");
        }

        buffer.Position = 0;
        Image<Rgba32> image;
        try
        {
            image = await Image.LoadAsync<Rgba32>(Decoders, buffer, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUndecodable(logger, e.GetType().Name);
            return UploadResult.Refused("图片无法解码（文件可能已损坏）。" + Accepted);
        }
        using (image)
        {
            return new UploadResult(await WriteAsync(image, format, limits, ct), null);
        }
    }

    async Task<StoredImage> WriteAsync(Image<Rgba32> image, IImageFormat format, MediaOptions limits, CancellationToken ct)
    {
        while (image.Frames.Count > 1)
        {
            image.Frames.RemoveFrame(image.Frames.Count - 1);
        }
        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);
        if (image.Width > limits.MaxWidth)
        {
            image.Mutate(x => x.Resize(limits.MaxWidth, 0));
        }

        var png = format == PngFormat.Instance || (format != JpegFormat.Instance && HasTransparency(image));
        IImageEncoder encoder = png ? new PngEncoder() : new JpegEncoder { Quality = limits.JpegQuality };
        var extension = png ? ".png" : ".jpg";
        var storedName = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 16);

        Directory.CreateDirectory(library.Root);
        var written = new List<string>();
        try
        {
            var main = Path.Combine(library.Root, storedName + extension);
            await SaveAsync(image, main, encoder, ct);
            written.Add(main);
            var widths = limits.Widths.Where(w => w > 0 && w < image.Width).Distinct().Order().ToList();
            foreach (var width in widths)
            {
                using var copy = image.Clone(x => x.Resize(width, 0));
                var path = Path.Combine(library.Root, $"{storedName}-{width}{extension}");
                await SaveAsync(copy, path, encoder, ct);
                written.Add(path);
            }
            var size = new FileInfo(main).Length;
            LogStored(logger, storedName + extension, image.Width, image.Height, widths.Count);
            return new StoredImage(storedName, extension, png ? "image/png" : "image/jpeg", image.Width, image.Height, size, widths);
        }
        catch
        {
            foreach (var path in written)
            {
                File.Delete(path);
            }
            throw;
        }
    }

    /// <summary>Removes an upload's files (the main picture and its smaller copies).</summary>
    public void Delete(MediaAsset asset)
    {
        foreach (var name in asset.VariantWidths.Select(w => $"{asset.StoredName}-{w}{asset.Extension}").Append(asset.FileName))
        {
            var path = Path.Combine(library.Root, name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        library.Forget(asset.Url);
    }

    static async Task SaveAsync(Image image, string path, IImageEncoder encoder, CancellationToken ct)
    {
        // Written beside, then moved: a reader never gets half a picture, and a clash never overwrites.
        var temp = path + ".part";
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            await image.SaveAsync(file, encoder, ct);
        }
        File.Move(temp, path, overwrite: false);
    }

    static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }
    }

    static bool HasTransparency(Image<Rgba32> image)
    {
        var transparent = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !transparent; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.A < 255)
                    {
                        transparent = true;
                        break;
                    }
                }
            }
        });
        return transparent;
    }

    /// <summary>Names the common wrong files plainly, before any decoder sees them.</summary>
    static string? Sniff(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (text.Contains("<svg", StringComparison.Ordinal))
        {
            return "不接受 SVG 矢量图（可能携带脚本）。请导出为 PNG 或 JPEG 后上传。";
        }
        if (text.StartsWith("<!doctype html", StringComparison.Ordinal) || text.StartsWith("<html", StringComparison.Ordinal) || text.Contains("<script", StringComparison.Ordinal))
        {
            return "文件内容是网页（HTML），不是图片，哪怕扩展名是 .jpg。" + Accepted;
        }
        if (text.StartsWith("%pdf", StringComparison.Ordinal))
        {
            return "不接受 PDF 文件。" + Accepted;
        }
        return null;
    }

    public static string TooLargeMessage(long maxBytes) => $"上传的文件过大：每张图片不能超过 {FormatBytes(maxBytes)}，请压缩后重试。";

    public static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an upload the decoder could not read ({Error})")]
    static partial void LogUndecodable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored upload {File} ({Width}x{Height}, {Variants} smaller copies)")]
    static partial void LogStored(ILogger logger, string file, int width, int height, int variants);
}
