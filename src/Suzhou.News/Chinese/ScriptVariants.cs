namespace Suzhou.News.Chinese;

/// <summary>
/// Which script a public page is read in. Simplified pages live at their usual paths; the same page in
/// Traditional characters lives under <c>/zh-hant</c> (e.g. <c>/zh-hant/channel/bendi</c>).
/// </summary>
public static class ScriptVariants
{
    public const string Prefix = "/zh-hant";

    /// <summary>The cookie remembering the reader's 简/繁 choice: <c>hans</c> or <c>hant</c>.</summary>
    public const string Cookie = "script";

    const string ItemKey = "Suzhou.News.Traditional";

    /// <summary>True while serving a <c>/zh-hant/…</c> request: the page is converted before it is sent.</summary>
    public static bool IsTraditional(this HttpContext context) => context.Items[ItemKey] is true;

    internal static void SetTraditional(this HttpContext context, bool value) => context.Items[ItemKey] = value;

    /// <summary>True when the reader chose 繁 on an earlier visit.</summary>
    public static bool PrefersTraditional(this HttpContext context) => context.Request.Cookies[Cookie] == "hant";

    /// <summary>The Traditional twin of a site path: <c>/</c> → <c>/zh-hant/</c>, <c>/topic</c> → <c>/zh-hant/topic</c>.</summary>
    public static string TraditionalPath(string path) => path == "/" || path.Length == 0 ? Prefix + "/" : Prefix + path;

    /// <summary>
    /// Whether a local link on a Traditional page should stay in <c>/zh-hant</c>: pages yes; pictures, feeds,
    /// assets and the newsroom no.
    /// </summary>
    public static bool HasTraditionalTwin(string url)
    {
        if (url.Length == 0 || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\')))
        {
            return false;
        }
        var end = url.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? url.AsSpan() : url.AsSpan(0, end);
        if (path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && (path.Length == Prefix.Length || path[Prefix.Length] == '/'))
        {
            return false;
        }
        foreach (var excluded in ExcludedFolders)
        {
            if (path.StartsWith(excluded, StringComparison.OrdinalIgnoreCase)
                && (path.Length == excluded.Length || path[excluded.Length] == '/'))
            {
                return false;
            }
        }
        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        var dot = lastSegment.LastIndexOf('.');
        return dot < 0 || lastSegment[dot..].Equals(".html", StringComparison.OrdinalIgnoreCase);
    }

    static readonly string[] ExcludedFolders = ["/admin", "/media", "/css", "/js", "/img", "/lib", "/_framework", "/healthz", "/readyz"];

    /// <summary>True for newsroom paths, which are never converted.</summary>
    public static bool IsAdmin(PathString path) => path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
}
