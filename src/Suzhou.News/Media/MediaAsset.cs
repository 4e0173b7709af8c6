namespace Suzhou.News.Media;

/// <summary>
/// An uploaded picture: one re-encoded file <c>{StoredName}{Extension}</c> in the media folder plus smaller copies
/// <c>{StoredName}-{width}{Extension}</c>. The stored name is random; the original file name is only shown.
/// </summary>
public sealed class MediaAsset
{
    public int Id { get; set; }

    /// <summary>Random base name, e.g. <c>m7k2q9x4c1v8b3n6</c>.</summary>
    public string StoredName { get; set; } = "";

    /// <summary><c>.jpg</c> or <c>.png</c>.</summary>
    public string Extension { get; set; } = "";

    public string ContentType { get; set; } = "";
    public string OriginalFileName { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long ByteSize { get; set; }

    /// <summary>Widths of the smaller copies that exist, ascending, e.g. <c>[320, 640]</c>.</summary>
    public List<int> VariantWidths { get; set; } = [];

    public string Alt { get; set; } = "";
    public string? Caption { get; set; }

    /// <summary>摄影: who took the picture.</summary>
    public string? Credit { get; set; }

    public string? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when an editor deleted it; the files are gone, the row stays for the record.</summary>
    public DateTime? DeletedAt { get; set; }

    public string FileName => StoredName + Extension;
    public string Url => MediaLibrary.UrlPrefix + FileName;
    public string VariantUrl(int width) => $"{MediaLibrary.UrlPrefix}{StoredName}-{width}{Extension}";

    public const int AltMaxLength = 200;
    public const int CaptionMaxLength = 300;
    public const int CreditMaxLength = 50;
}
