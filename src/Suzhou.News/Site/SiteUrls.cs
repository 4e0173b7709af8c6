namespace Suzhou.News.Site;

public static class SiteUrls
{
    /// <summary>An absolute URL for a site path: from <c>Site:BaseUrl</c> when set, else from the request.</summary>
    public static string Absolute(this HttpContext context, SiteOptions site, string path)
    {
        var origin = string.IsNullOrWhiteSpace(site.BaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host.Value}"
            : site.BaseUrl.TrimEnd('/');
        return origin + path;
    }

    /// <summary>The current path and query, for "come back here" links.</summary>
    public static string PathAndQuery(this HttpContext context) =>
        context.Request.PathBase + context.Request.Path + context.Request.QueryString;
}
