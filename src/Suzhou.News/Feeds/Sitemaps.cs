using System.Globalization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Feeds;

/// <summary>
/// Written into a buffer (the caller copies it to the response, which allows no synchronous writes).
/// <c>/sitemap.xml</c> is an index: one sitemap of fixed pages, article sitemaps of at most
/// <see cref="FeedOptions.SitemapPageSize"/> URLs each (oldest first, so earlier files rarely change) and a
/// news sitemap of the last <see cref="FeedOptions.NewsSitemapHours"/> hours.
/// </summary>
public sealed class Sitemaps(NewsDbContext db, ChannelCatalog catalog, IOptions<SiteOptions> site, IOptions<FeedOptions> options, TimeProvider clock)
{
    const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    IQueryable<Article> Articles()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().Public().Where(a => a.FirstPublishedAt <= now)
            .OrderBy(a => a.FirstPublishedAt).ThenBy(a => a.Number);
    }

    public async Task WriteIndexAsync(HttpContext context, Stream output, CancellationToken ct)
    {
        var size = options.Value.SitemapPageSize;
        var total = await Articles().CountAsync(ct);
        var pages = (total + size - 1) / size;
        using var xml = Writer(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("sitemapindex", SitemapNs);
        Sitemap(xml, context.Absolute(site.Value, "/sitemaps/pages.xml"), null);
        for (var page = 1; page <= pages; page++)
        {
            var lastmod = await Articles().Skip((page - 1) * size).Take(size)
                .Select(a => a.UpdatedAt != null && a.UpdatedAt > a.FirstPublishedAt ? a.UpdatedAt : a.FirstPublishedAt).MaxAsync(ct);
            Sitemap(xml, context.Absolute(site.Value, string.Create(CultureInfo.InvariantCulture, $"/sitemaps/articles-{page}.xml")), lastmod);
        }
        Sitemap(xml, context.Absolute(site.Value, "/sitemaps/news.xml"), null);
        xml.WriteEndElement();
        xml.WriteEndDocument();

        static void Sitemap(XmlWriter xml, string loc, DateTime? lastmod)
        {
            xml.WriteStartElement("sitemap", SitemapNs);
            xml.WriteElementString("loc", SitemapNs, loc);
            if (lastmod is { } at)
            {
                xml.WriteElementString("lastmod", SitemapNs, W3c(at));
            }
            xml.WriteEndElement();
        }
    }

    /// <summary>Writes article sitemap <paramref name="page"/> (1-based); false when there is no such page.</summary>
    public async Task<bool> WriteArticlesAsync(HttpContext context, int page, Stream output, CancellationToken ct)
    {
        var size = options.Value.SitemapPageSize;
        var total = await Articles().CountAsync(ct);
        if (page < 1 || (long)(page - 1) * size >= total)
        {
            return false;
        }
        var rows = Articles().Skip((page - 1) * size).Take(size)
            .Select(a => new { a.Number, Published = a.FirstPublishedAt!.Value, a.UpdatedAt })
            .AsAsyncEnumerable();
        using var xml = Writer(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", SitemapNs);
        await foreach (var row in rows.WithCancellation(ct))
        {
            xml.WriteStartElement("url", SitemapNs);
            xml.WriteElementString("loc", SitemapNs, context.Absolute(site.Value, ArticlePath.For(row.Number, row.Published)));
            xml.WriteElementString("lastmod", SitemapNs, W3c(row.UpdatedAt is { } u && u > row.Published ? u : row.Published));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
        return true;
    }

    /// <summary>Home, channels, counties, the 专题 index and topics, the fixed pages.</summary>
    public async Task WritePagesAsync(HttpContext context, Stream output, CancellationToken ct)
    {
        var channels = await catalog.GetAsync(ct);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position).Select(t => t.Slug).ToListAsync(ct);
        var pages = await db.SitePages.AsNoTracking().Select(p => p.Slug).ToListAsync(ct);
        IEnumerable<string> paths = ["/", .. channels.Roots.Concat(channels.Roots.SelectMany(r => r.Children)).Select(c => c.Url).Distinct(),
            "/topic", .. topics.Select(t => "/topic/" + t), .. pages.Select(p => "/" + p)];
        using var xml = Writer(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", SitemapNs);
        foreach (var path in paths)
        {
            xml.WriteStartElement("url", SitemapNs);
            xml.WriteElementString("loc", SitemapNs, context.Absolute(site.Value, path));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>Google-News-style sitemap of recent articles (the format allows 1,000 URLs).</summary>
    public async Task WriteNewsAsync(HttpContext context, Stream output, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.NewsSitemapHours);
        var rows = await Articles().Where(a => a.FirstPublishedAt >= since)
            .Reverse().Take(1000)
            .Select(a => new { a.Number, a.Title, Published = a.FirstPublishedAt!.Value })
            .ToListAsync(ct);
        using var xml = Writer(output);
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", SitemapNs);
        xml.WriteAttributeString("xmlns", "news", null, NewsNs);
        foreach (var row in rows)
        {
            xml.WriteStartElement("url", SitemapNs);
            xml.WriteElementString("loc", SitemapNs, context.Absolute(site.Value, ArticlePath.For(row.Number, row.Published)));
            xml.WriteStartElement("news", "news", NewsNs);
            xml.WriteStartElement("news", "publication", NewsNs);
            xml.WriteElementString("news", "name", NewsNs, site.Value.Name);
            xml.WriteElementString("news", "language", NewsNs, "zh-cn");
            xml.WriteEndElement();
            xml.WriteElementString("news", "publication_date", NewsNs, W3c(row.Published));
            xml.WriteElementString("news", "title", NewsNs, row.Title);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    static XmlWriter Writer(Stream output) =>
        XmlWriter.Create(output, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = false });

    static string W3c(DateTime? utc) =>
        utc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";
}
