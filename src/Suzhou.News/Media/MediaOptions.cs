using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Media;

/// <summary>Upload limits for the newsroom media library (<c>Media:*</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest picture file accepted, in bytes. Bigger uploads get the 413 page.</summary>
    [Range(1024, 200L * 1024 * 1024, ErrorMessage = "Media:MaxBytes 应在 1 KB 到 200 MB 之间")]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Refused before decoding when width × height exceeds it (decompression bombs).</summary>
    [Range(10_000, 200_000_000, ErrorMessage = "Media:MaxPixels 应在 1 万到 2 亿之间")]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Widths of the smaller copies written beside each upload and offered through <c>srcset</c>.</summary>
    public List<int> Widths { get; set; } = [320, 640, 1280];

    /// <summary>The stored full-size copy is scaled down to this width when the original is wider.</summary>
    [Range(320, 10_000, ErrorMessage = "Media:MaxWidth 应在 320 到 10000 之间")]
    public int MaxWidth { get; set; } = 2560;

    /// <summary>JPEG quality of the re-encoded pictures.</summary>
    [Range(40, 100, ErrorMessage = "Media:JpegQuality 应在 40 到 100 之间")]
    public int JpegQuality { get; set; } = 82;

    /// <summary>Pictures per page in the library.</summary>
    [Range(6, 200, ErrorMessage = "Media:PageSize 应在 6 到 200 之间")]
    public int PageSize { get; set; } = 24;
}
