using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Suzhou.News.Hosting;

namespace Suzhou.News.Site;

public static class CachingExtensions
{
    /// <summary>Output caching of public pages (named policies per page kind) with tag eviction through <see cref="PublicCache"/>.</summary>
    public static IServiceCollection AddNewsOutputCache(this IServiceCollection services)
    {
        services.AddOptions<PublicCacheOptions>().BindConfiguration(PublicCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOutputCache();
        services.AddMemoryCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PublicCacheOptions>>((cache, options) =>
        {
            cache.SizeLimit = 256L * 1024 * 1024;
            foreach (var kind in (string[])[PublicPagePolicy.Home, PublicPagePolicy.List, PublicPagePolicy.Article, PublicPagePolicy.Page, PublicPagePolicy.Feed])
            {
                cache.AddPolicy(kind, new PublicPagePolicy(kind, options));
            }
        });
        services.AddNewsPageCompression();
        services.AddSingleton<PublicCache>();
        services.AddSingleton<Articles.ListFacts>();
        return services;
    }

    /// <summary>
    /// The output cache, then strong ETags for the pages it covers: computed once when a page is rendered and
    /// stored with it, so a reader's repeat visit is a 304 whether the page came from the cache or not; then the
    /// compression of those pages (<see cref="PageCompression"/>).
    /// </summary>
    public static WebApplication UseNewsOutputCache(this WebApplication app)
    {
        app.UseOutputCache();
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !IsCached(context.GetEndpoint()))
            {
                await next();
                return;
            }
            using var buffer = await context.CaptureBodyAsync(() => next());
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                var etag = "\"" + Convert.ToBase64String(SHA256.HashData(buffer.Bytes().Span)[..12]) + "\"";
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(etag, StringComparison.Ordinal)))
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    context.Response.ContentLength = null;
                    return;
                }
            }
            await context.SendBodyAsync(buffer.Bytes());
        });
        // Inside the cache and the ETag: the compressed page is what gets stored, and each coding has its own tag.
        var compress = app.Services.GetRequiredService<IOptions<PublicCacheOptions>>().Value.Compress;
        app.UseWhen(context => compress && IsCached(context.GetEndpoint()), branch => branch.UseResponseCompression());
        return app;
    }

    static bool IsCached(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<OutputCacheAttribute>() is not null || endpoint?.Metadata.GetMetadata<IOutputCachePolicy>() is not null;
}
