using Suzhou.News.Feeds;
using Suzhou.News.Search;
using Suzhou.News.Articles;

namespace Suzhou.News.Hosting;

/// <summary>How readers and machines find stories: search, feeds and sitemaps, view counts and 排行, share codes.</summary>
public static class DiscoveryExtensions
{
    public static IServiceCollection AddNewsDiscovery(this IServiceCollection services) =>
        services.AddNewsSearch().AddNewsFeeds().AddNewsReading();

    /// <summary>Feeds, sitemaps and share codes. View counting is separate: it must sit outside the output cache.</summary>
    public static WebApplication MapNewsDiscovery(this WebApplication app)
    {
        app.MapNewsFeeds();
        app.MapShareCodes();
        return app;
    }
}
