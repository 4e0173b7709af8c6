using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Site;

/// <summary>How long public pages stay in the output cache (<c>OutputCache:*</c>). Changes evict them sooner.</summary>
public sealed class PublicCacheOptions
{
    public const string Section = "OutputCache";

    /// <summary>Off only for measuring the uncached path.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Home, channel, topic and tag pages. Short, because a story whose publish time passes appears without any save.</summary>
    [Range(1, 86_400, ErrorMessage = "OutputCache:ListSeconds 应在 1–86400 之间")]
    public int ListSeconds { get; set; } = 60;

    /// <summary>Article pages, feeds and the site's own pages; every change to them evicts them at once.</summary>
    [Range(1, 86_400, ErrorMessage = "OutputCache:PageSeconds 应在 1–86400 之间")]
    public int PageSeconds { get; set; } = 600;

    /// <summary>Brotli/gzip for public pages, compressed once when rendered and kept compressed in the cache.</summary>
    public bool Compress { get; set; } = true;
}

/// <summary>
/// The output-cache rule for every public page: GET/HEAD by anonymous readers, varied only by what changes the
/// HTML (the path, <c>?page=</c>, the reader's display preferences), tagged so a save evicts exactly what it touched.
/// Responses that set a cookie (a form's antiforgery token) are never stored — the middleware refuses them.
/// </summary>
public sealed class PublicPagePolicy(string kind, IOptions<PublicCacheOptions> options) : IOutputCachePolicy
{
    public const string Home = "home";
    public const string List = "list";
    public const string Article = "article";
    public const string Page = "page";
    public const string Feed = "feed";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = options.Value.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(kind is Home or List ? options.Value.ListSeconds : options.Value.PageSeconds);
        context.CacheVaryByRules.QueryKeys = "page";
        context.CacheVaryByRules.VaryByValues["prefs"] = ReaderPreferences.CacheKey(http);
        context.CacheVaryByRules.VaryByValues["coding"] = PageCompression.Preferred(request, options.Value.Compress);

        context.Tags.Add(PublicCache.All);
        switch (kind)
        {
            case Home:
                context.Tags.Add(PublicCache.Home);
                break;
            case List:
                context.Tags.Add(PublicCache.Lists);
                break;
            case Feed:
                context.Tags.Add(PublicCache.Feeds);
                break;
            case Article when http.GetRouteValue("number") is string number && int.TryParse(number, out var n):
                context.Tags.Add(PublicCache.Article(n));
                break;
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only complete, successful, cookie-free pages are shared between readers.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
