using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Feeds;

/// <summary>The <c>Feeds</c> settings section: RSS and sitemaps.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Items in each RSS feed.</summary>
    [Range(1, 500, ErrorMessage = "Feeds:ItemCount 应在 1 到 500 之间")]
    public int ItemCount { get; set; } = 50;

    /// <summary>URLs per child sitemap; the protocol allows at most 50,000.</summary>
    [Range(1, 50_000, ErrorMessage = "Feeds:SitemapPageSize 应在 1 到 50000 之间")]
    public int SitemapPageSize { get; set; } = 50_000;

    /// <summary>How far back the news sitemap reaches.</summary>
    [Range(1, 168, ErrorMessage = "Feeds:NewsSitemapHours 应在 1 到 168 之间")]
    public int NewsSitemapHours { get; set; } = 48;

    /// <summary>Browser and proxy cache lifetime of feeds, sitemaps and robots.txt.</summary>
    [Range(0, 86_400, ErrorMessage = "Feeds:CacheSeconds 应在 0 到 86400 之间")]
    public int CacheSeconds { get; set; } = 300;
}
