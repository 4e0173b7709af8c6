using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages;

/// <summary>The front page: 头条, 要闻, the picture strip, a block per channel, the counties, 专题, latest.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Home)]
public sealed class IndexModel(NewsDbContext db, ChannelCatalog catalog) : PageModel
{
    public sealed record ChannelBlock(ChannelNode Channel, List<ArticleListItem> Items);

    public sealed record TopicCard(string Slug, string Title, string? Summary, string? CoverSrc, string? CoverAlt, int? CoverWidth, int? CoverHeight);

    /// <summary>Channels with a block of their own, in this order; 要闻 and 图片 have their own places.</summary>
    static readonly string[] BlockChannels = ["bendi", "shizheng", "shehui", "jingji", "wenlv", "jiaoyu", "jiankang", "pinglun"];

    public ArticleListItem? Top { get; private set; }
    public List<ArticleListItem> Important { get; private set; } = [];
    public List<ArticleListItem> Slides { get; private set; } = [];
    public List<ArticleListItem> Pictures { get; private set; } = [];
    public List<ChannelBlock> Blocks { get; } = [];
    public List<ChannelBlock> Counties { get; } = [];
    public List<TopicCard> Topics { get; private set; } = [];
    public List<ArticleListItem> Latest { get; private set; } = [];
    public ChannelNode? ImportantChannel { get; private set; }
    public ChannelNode? PictureChannel { get; private set; }

    /// <summary>How many of the newest stories are read in one go to fill the channel and county blocks.</summary>
    const int RecentWindow = 300;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var channels = await catalog.GetAsync(ct);
        var articles = db.Articles.AsNoTracking().Public();

        Top = await articles.Where(a => a.IsHeadline).Newest().Select(ArticleListItem.Projection).FirstOrDefaultAsync(ct);
        var topNumber = Top?.Number ?? 0;

        // 要闻: the 要闻 channel, older headlines, pinned and recommended stories.
        ImportantChannel = channels.BySlug("yaowen");
        var importantId = ImportantChannel?.Id ?? -1;
        Important = await List(articles.Where(a => a.Number != topNumber && (a.ChannelId == importantId || a.IsHeadline || a.IsPinned || a.IsFeatured)), 9, ct);
        Slides = await List(articles.Where(a => a.IsSlideshow && a.Cover != null), 5, ct);

        // One read of the newest stories fills every block; only a channel quiet for longer than that
        // window needs a query of its own.
        var recent = await List(articles, RecentWindow, ct);
        async Task<List<ArticleListItem>> BlockAsync(ChannelNode channel, int count, Func<ArticleListItem, bool>? extra = null)
        {
            int[] ids = [channel.Id, .. channel.Children.Select(c => c.Id)];
            bool Belongs(ArticleListItem item) =>
                (ids.Contains(item.ChannelId) || item.CountyId is { } county && ids.Contains(county)) && (extra?.Invoke(item) ?? true);
            var items = recent.Where(Belongs).Take(count).ToList();
            if (items.Count < count && recent.Count == RecentWindow)
            {
                var (at, number) = (recent[^1].PublishedAt, recent[^1].Number);
                var older = await List(articles.InChannels(ids)
                    .Where(a => a.FirstPublishedAt < at || (a.FirstPublishedAt == at && a.Number < number)), count * 4, ct);
                items.AddRange(older.Where(Belongs).Take(count - items.Count));
            }
            return items;
        }

        foreach (var slug in BlockChannels)
        {
            if (channels.BySlug(slug) is { } channel)
            {
                Blocks.Add(new ChannelBlock(channel, await BlockAsync(channel, 6)));
            }
        }
        foreach (var county in channels.Counties)
        {
            Counties.Add(new ChannelBlock(county, await BlockAsync(county, 5)));
        }
        PictureChannel = channels.BySlug("tupian");
        if (PictureChannel is not null)
        {
            Pictures = await BlockAsync(PictureChannel, 4, item => item.HasCover);
        }

        Topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position)
            .Select(t => new TopicCard(t.Slug, t.Title, t.Summary, t.Cover!.Src, t.Cover!.Alt, t.Cover!.Width, t.Cover!.Height))
            .Take(4).ToListAsync(ct);
        Latest = recent.Take(10).ToList();
    }

    static Task<List<ArticleListItem>> List(IQueryable<Article> query, int count, CancellationToken ct) =>
        query.Newest().Select(ArticleListItem.Projection).Take(count).ToListAsync(ct);
}
