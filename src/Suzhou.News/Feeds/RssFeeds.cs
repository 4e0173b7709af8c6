using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Feeds;

/// <summary>RSS 2.0 for the whole site and for each channel or county, built from stored fields.</summary>
public sealed class RssFeeds(NewsDbContext db, ChannelCatalog catalog, IOptions<SiteOptions> site, IOptions<FeedOptions> options, TimeProvider clock)
{
    sealed record Row(int Number, string Title, string? Summary, DateTime PublishedAt, DateTime? UpdatedAt, int ChannelId, int? CountyId, List<string> Tags);

    /// <summary>The feed for <paramref name="channel"/>, or the whole site when null.</summary>
    public async Task<SyndicationFeed> BuildAsync(HttpContext context, ChannelNode? channel, CancellationToken ct)
    {
        var s = site.Value;
        var channels = await catalog.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking().Public().Where(a => a.FirstPublishedAt <= now);
        if (channel is not null)
        {
            query = query.InChannels([channel.Id, .. channel.Children.Select(c => c.Id)]);
        }
        var rows = await query.Newest().Take(options.Value.ItemCount)
            .Select(a => new Row(a.Number, a.Title, a.Summary, a.FirstPublishedAt!.Value, a.UpdatedAt, a.ChannelId, a.CountyId,
                a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList()))
            .ToListAsync(ct);

        var home = channel?.Url ?? "/";
        var feed = new SyndicationFeed(
            channel is null ? s.Name : $"{channel.Name} - {s.Name}",
            channel?.Description ?? s.Description,
            new Uri(context.Absolute(s, home)))
        {
            Language = "zh-CN",
            Copyright = new TextSyndicationContent($"版权所有 {s.CopyrightHolder}"),
            LastUpdatedTime = Beijing(rows.Count > 0 ? rows.Max(r => r.UpdatedAt ?? r.PublishedAt) : now),
            ImageUrl = new Uri(context.Absolute(s, "/img/logo.svg")),
            Generator = s.Name,
        };
        feed.Items = rows.Select(row =>
        {
            var url = context.Absolute(s, ArticlePath.For(row.Number, row.PublishedAt));
            var item = new SyndicationItem(row.Title, row.Summary ?? "", new Uri(url), url, Beijing(row.UpdatedAt ?? row.PublishedAt))
            {
                PublishDate = Beijing(row.PublishedAt),
            };
            foreach (var name in new[] { channels.ById(row.ChannelId)?.Name, channels.ById(row.CountyId)?.Name }.Concat(row.Tags))
            {
                if (!string.IsNullOrEmpty(name))
                {
                    item.Categories.Add(new SyndicationCategory(name));
                }
            }
            return item;
        }).ToList();
        return feed;
    }

    /// <summary>Dates in feeds carry the paper's own offset, e.g. <c>Sat, 28 Nov 2026 08:30:00 +0800</c>.</summary>
    static DateTimeOffset Beijing(DateTime utc) => new(BeijingTime.FromUtc(utc), TimeSpan.FromHours(8));

    /// <summary>RSS 2.0 XML, UTF-8.</summary>
    public static async Task WriteAsync(SyndicationFeed feed, Stream output)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true };
        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, settings))
        {
            // Rss20FeedFormatter writes synchronously; into memory first, then out to the response.
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output);
    }
}
