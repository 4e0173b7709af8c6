using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Chinese;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Articles;

/// <summary>
/// The article page at the source site's URL, <c>/xw/content/2026-11/28/content_246001.html</c>.
/// The number finds the article; a wrong prefix or date redirects to the canonical URL.
/// </summary>
[OutputCache(PolicyName = PublicPagePolicy.Article)]
public sealed class ReadModel(NewsDbContext db, ChannelCatalog catalog, IMemoryCache memory, PublicCache cache, PinyinRuby ruby) : PageModel
{
    public sealed record CreditView(CreditRole Role, string Name);

    public sealed record TopicLink(int Id, string Slug, string Title);

    public sealed record TagLink(int Id, string Name);

    public sealed record ArticleView(
        int Id, int Number, string Title, string? Kicker, string? Subtitle, string? Summary, string BodyHtml,
        int ChannelId, int? CountyId, string? Editor, string Source, CoverImage? Cover,
        DateTime PublishedAt, DateTime? UpdatedAt,
        List<CreditView> Credits, List<Correction> Corrections, List<TagLink> Tags, List<TopicLink> Topics, long Views = 0)
    {
        public string Url => ArticlePath.For(Number, PublishedAt);

        /// <summary>作者 in the meta line: the reporters, or everyone credited when there is no reporter.</summary>
        public string Authors => string.Join(" ", (Credits.Any(c => c.Role == CreditRole.Reporter)
            ? Credits.Where(c => c.Role == CreditRole.Reporter)
            : Credits).Select(c => c.Name));

        public string Byline => CreditRoles.Byline(Credits.Select(c => (c.Role, c.Name)));
    }

    public ArticleView Article { get; private set; } = null!;
    public ChannelNode? Channel { get; private set; }
    public ChannelNode? ParentChannel { get; private set; }
    public ChannelNode? County { get; private set; }
    public ArticleListItem? Previous { get; private set; }
    public ArticleListItem? Next { get; private set; }
    public List<ArticleListItem> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        // One statement: the collections are a handful of rows each, and on SQLite every extra statement costs
        // more to prepare than the few repeated columns cost to read.
        var article = await db.Articles.AsNoTracking().Public()
            .Where(a => a.Number == number)
            .Select(a => new ArticleView(
                a.Id, a.Number, a.Title, a.Kicker, a.Subtitle, a.Summary, a.BodyHtml,
                a.ChannelId, a.CountyId, a.Editor, a.Source, a.Cover,
                a.FirstPublishedAt!.Value, a.UpdatedAt,
                a.Credits.OrderBy(c => c.Role).ThenBy(c => c.Position).Select(c => new CreditView(c.Role, c.Name)).ToList(),
                a.Corrections.OrderBy(c => c.At).ToList(),
                a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Id, t.Name)).ToList(),
                a.Topics.OrderBy(t => t.Topic.Position).Select(t => new TopicLink(t.TopicId, t.Topic.Slug, t.Topic.Title)).ToList(),
                a.ViewCount))
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!string.Equals(Request.Path.Value, article.Url, StringComparison.Ordinal))
        {
            return RedirectPermanent(article.Url);
        }

        Article = article with { BodyHtml = ruby.Annotate(article.BodyHtml) };
        var channels = await catalog.GetAsync(ct);
        Channel = channels.ById(article.ChannelId);
        ParentChannel = channels.ById(Channel?.ParentId);
        County = channels.ById(article.CountyId);

        // Neighbours and related stories change only when some article does: kept in memory until then.
        var around = await memory.GetOrCreateAsync(("around", number), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            entry.AddExpirationToken(cache.ContentToken);
            return await AroundAsync(article, ct);
        });
        (Previous, Next, Related) = around!;
        return Page();
    }

    sealed record Around(ArticleListItem? Previous, ArticleListItem? Next, List<ArticleListItem> Related);

    async Task<Around> AroundAsync(ArticleView article, CancellationToken ct)
    {
        var sameChannel = db.Articles.AsNoTracking().Public().Where(a => a.ChannelId == article.ChannelId);
        var at = article.PublishedAt;
        var number = article.Number;
        var previous = await sameChannel
            .Where(a => a.FirstPublishedAt < at || (a.FirstPublishedAt == at && a.Number < number))
            .Newest().Select(ArticleListItem.Projection).FirstOrDefaultAsync(ct);
        var next = await sameChannel
            .Where(a => a.FirstPublishedAt > at || (a.FirstPublishedAt == at && a.Number > number))
            .OrderBy(a => a.FirstPublishedAt).ThenBy(a => a.Number)
            .Select(ArticleListItem.Projection).FirstOrDefaultAsync(ct);
        return new Around(previous, next, await RelatedAsync(article, ct));
    }

    /// <summary>
    /// Shared topics count most, then shared tags, then the same county; ties go to the newer article. Only
    /// articles from 90 days before to 30 days after this one are looked at, newest first, and only the first
    /// candidates scored: without the window a story with a rare tag made SQLite test every article in the
    /// archive (over a second at 100,000 articles).
    /// </summary>
    async Task<List<ArticleListItem>> RelatedAsync(ArticleView article, CancellationToken ct)
    {
        const int count = 6, pool = 200;
        var topicIds = article.Topics.Select(t => t.Id).ToList();
        var tagIds = article.Tags.Select(t => t.Id).ToList();
        var countyId = article.CountyId ?? -1;
        var others = db.Articles.AsNoTracking().Public().Where(a => a.Id != article.Id);
        var (from, to) = (article.PublishedAt.AddDays(-90), article.PublishedAt.AddDays(30));

        var scored = topicIds.Count == 0 && tagIds.Count == 0 && article.CountyId is null ? [] : await others
            .Where(a => a.FirstPublishedAt >= from && a.FirstPublishedAt <= to)
            .Where(a => a.Topics.Any(t => topicIds.Contains(t.TopicId)) || a.Tags.Any(t => tagIds.Contains(t.Id)) || a.CountyId == countyId)
            .Newest().Take(pool)
            .Select(a => new
            {
                a.Number,
                Score = a.Topics.Count(t => topicIds.Contains(t.TopicId)) * 3 + a.Tags.Count(t => tagIds.Contains(t.Id)) * 2
                        + (a.CountyId == countyId ? 1 : 0),
            })
            .ToListAsync(ct);
        // Stable sort: equal scores keep the newest-first order of the query.
        var numbers = scored.OrderByDescending(x => x.Score).Take(count).Select(x => x.Number).ToList();

        var related = (await others.Where(a => numbers.Contains(a.Number)).Select(ArticleListItem.Projection).ToListAsync(ct))
            .OrderBy(item => numbers.IndexOf(item.Number)).ToList();
        if (related.Count < count)
        {
            numbers.Add(article.Number);
            related.AddRange(await others
                .Where(a => a.ChannelId == article.ChannelId && !numbers.Contains(a.Number))
                .Newest().Select(ArticleListItem.Projection).Take(count - related.Count).ToListAsync(ct));
        }
        return related;
    }
}

/// <summary>What <c>_ArticleBody</c> renders: the article, and whether it is a newsroom preview (no reader tools).</summary>
public sealed record ArticleBodyView(ReadModel.ArticleView Article, bool Preview);
