using System.Collections.Concurrent;
using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Operations;

namespace Suzhou.News.Media;

/// <summary>
/// The media folder inside the data folder, served at <c>/media</c>. Knows the size of the pictures in it,
/// so rendered pages carry width and height and do not jump while loading.
/// </summary>
public sealed class MediaLibrary(IOptions<StorageOptions> storage, IOptions<MediaOptions> media)
{
    public const string UrlPrefix = "/media/";

    /// <summary>File types the media folder may hold and serve.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
    };

    readonly ConcurrentDictionary<string, ImageSize?> _sizes = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, IReadOnlyList<ImageVariant>> _variants = new(StringComparer.Ordinal);

    public string Root => storage.Value.MediaPath;

    /// <summary>Copies a file into the media folder under its own name; returns its site URL.</summary>
    public string Import(string sourceFile)
    {
        var name = Path.GetFileName(sourceFile);
        Directory.CreateDirectory(Root);
        var target = Path.Combine(Root, name);
        if (!File.Exists(target) || !FilesEqual(sourceFile, target))
        {
            File.Copy(sourceFile, target, overwrite: true);
            Forget(UrlPrefix + name);
        }
        return UrlPrefix + name;
    }

    /// <summary>
    /// Size of a picture given by its site URL (<c>/media/x.svg</c>), or null when unknown.
    /// SVG is measured from its attributes, raster pictures from their header.
    /// </summary>
    public ImageSize? SizeOf(string url) =>
        FileNameOf(url) is { } name ? _sizes.GetOrAdd(url, _ => ReadSize(Path.Combine(Root, name))) : null;

    /// <summary>
    /// The smaller copies of an uploaded picture (<c>/media/abc-320.jpg</c> beside <c>/media/abc.jpg</c>), narrowest
    /// first; empty for pictures without them (the seed drawings).
    /// </summary>
    public IReadOnlyList<ImageVariant> VariantsOf(string url)
    {
        if (FileNameOf(url) is not { } name)
        {
            return [];
        }
        return _variants.GetOrAdd(url, _ =>
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            var extension = Path.GetExtension(name);
            if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            {
                return [];
            }
            return media.Value.Widths.Distinct().Order()
                .Where(w => File.Exists(Path.Combine(Root, $"{stem}-{w}{extension}")))
                .Select(w => new ImageVariant($"{UrlPrefix}{stem}-{w}{extension}", w))
                .ToList();
        });
    }

    /// <summary>Drops what is remembered about a picture after it was written or deleted.</summary>
    public void Forget(string url)
    {
        _sizes.TryRemove(url, out _);
        _variants.TryRemove(url, out _);
    }

    static string? FileNameOf(string url)
    {
        if (!url.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var name = url[UrlPrefix.Length..];
        return name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            ? null
            : name;
    }

    static bool FilesEqual(string a, string b) =>
        new FileInfo(a).Length == new FileInfo(b).Length && File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    static ImageSize? ReadSize(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".svg" => ReadSvgSize(path),
                _ => SixLabors.ImageSharp.Image.Identify(path) is { } info ? new ImageSize(info.Width, info.Height) : null,
            };
        }
        catch (Exception e) when (e is IOException or XmlException or FormatException or SixLabors.ImageSharp.ImageFormatException or NotSupportedException)
        {
            return null;
        }
    }

    static ImageSize? ReadSvgSize(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        reader.MoveToContent();
        if (reader.LocalName != "svg")
        {
            return null;
        }
        if (Pixels(reader.GetAttribute("width")) is { } w && Pixels(reader.GetAttribute("height")) is { } h)
        {
            return new ImageSize(w, h);
        }
        var viewBox = reader.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return viewBox is { Length: 4 } && Pixels(viewBox[2]) is { } vw && Pixels(viewBox[3]) is { } vh ? new ImageSize(vw, vh) : null;
    }

    static int? Pixels(string? value)
    {
        value = value?.Trim();
        if (value is null || value.EndsWith('%'))
        {
            return null;
        }
        if (value.EndsWith("px", StringComparison.Ordinal))
        {
            value = value[..^2];
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 ? (int)Math.Round(d) : null;
    }
}
