using Microsoft.AspNetCore.OutputCaching;
using Suzhou.News.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Data;

namespace Suzhou.News.Pages.Topics;

/// <summary>专题 index: every topic with its cover and how many articles it holds.</summary>
[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class IndexModel(NewsDbContext db) : PageModel
{
    public sealed record TopicCard(string Slug, string Title, string? Summary, string? CoverSrc, string? CoverAlt, int? CoverWidth, int? CoverHeight, int ArticleCount);

    public List<TopicCard> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Topics = await db.Topics.AsNoTracking()
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new TopicCard(t.Slug, t.Title, t.Summary, t.Cover!.Src, t.Cover!.Alt, t.Cover!.Width, t.Cover!.Height,
                t.Articles.Select(l => l.Article).AsQueryable().Count(PublicArticles.IsPublic)))
            .ToListAsync(ct);
}
