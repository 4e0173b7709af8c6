using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Site;

public static class CachingExtensions
{
    /// <summary>
    /// Output caching of public pages (named policies per page kind) with tag eviction through
    /// <see cref="PublicCache"/>, and the compression those pages get inside the cache (<see cref="PageCompression"/>).
    /// </summary>
    public static IServiceCollection AddPublicCache(this IServiceCollection services)
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
        services.AddPageCompression();
        services.AddSingleton<PublicCache>();
        return services;
    }

    /// <summary>True for a page the output cache covers: it gets an ETag and, inside the cache, compression.</summary>
    public static bool IsCachedPage(this HttpContext context) =>
        context.GetEndpoint() is { } endpoint
        && (endpoint.Metadata.GetMetadata<OutputCacheAttribute>() is not null || endpoint.Metadata.GetMetadata<IOutputCachePolicy>() is not null);
}
