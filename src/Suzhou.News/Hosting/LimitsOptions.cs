namespace Suzhou.News.Hosting;

/// <summary>
/// Every limit the site enforces on what clients send, in one <c>Limits</c> section checked at start-up:
/// rate-limit windows per client and upload profiles (file count, bytes per file, bytes per request).
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Posting a public form (爆料, 举报): per client address and form.</summary>
    public RateWindow Forms { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Looking up a receipt with its code: per client address and form; keeps guessing slow.</summary>
    public RateWindow Lookups { get; set; } = new() { PermitLimit = 20, WindowSeconds = 600 };

    /// <summary>Upload profiles by name; a page picks one with <see cref="UploadLimitsAttribute"/>.</summary>
    public Dictionary<string, UploadLimits> Uploads { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [TipOffUploads] = new UploadLimits(),
    };

    /// <summary>The profile the 爆料 and 举报 forms use.</summary>
    public const string TipOffUploads = "TipOffs";

    public UploadLimits UploadsFor(string profile) =>
        Uploads.TryGetValue(profile, out var limits) ? limits : throw new InvalidOperationException($"Limits:Uploads:{profile} is not configured");

    /// <summary>Messages naming each bad setting, empty when all is well.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, window) in new[] { (nameof(Forms), Forms), (nameof(Lookups), Lookups) })
        {
            if (window.PermitLimit < 1)
            {
                yield return $"Limits:{name}:PermitLimit 必须至少为 1";
            }
            if (window.WindowSeconds < 1)
            {
                yield return $"Limits:{name}:WindowSeconds 必须至少为 1 秒";
            }
        }
        if (!Uploads.ContainsKey(TipOffUploads))
        {
            yield return $"Limits:Uploads:{TipOffUploads} 未设置";
        }
        foreach (var (name, upload) in Uploads)
        {
            if (upload.MaxFiles < 0)
            {
                yield return $"Limits:Uploads:{name}:MaxFiles 不能为负数";
            }
            if (upload.MaxFileBytes < 1)
            {
                yield return $"Limits:Uploads:{name}:MaxFileBytes 必须大于 0";
            }
            if (upload.MaxRequestBytes < 1024)
            {
                yield return $"Limits:Uploads:{name}:MaxRequestBytes 至少为 1024 字节";
            }
        }
    }
}

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>What one upload request may carry.</summary>
public sealed class UploadLimits
{
    /// <summary>Files per submission.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>Bytes per file (a short phone video fits in the default 20 MB).</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Bytes for the whole request body: files plus text plus multipart framing. Larger answers 413.</summary>
    public long MaxRequestBytes { get; set; } = 64 * 1024 * 1024;
}

/// <summary>
/// Puts a page under an upload profile of <see cref="LimitsOptions.Uploads"/>: the body limit is raised or
/// lowered to its <see cref="UploadLimits.MaxRequestBytes"/>, and a body over it answers 413 with the Chinese
/// error page before antiforgery or model binding read it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class UploadLimitsAttribute(string profile) : Attribute
{
    public string Profile { get; } = profile;
}
