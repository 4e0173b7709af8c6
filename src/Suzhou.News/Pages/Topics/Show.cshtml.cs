using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Domain;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Topics;

/// <summary>A 专题 page: cover, introduction, then its articles in the editors' order.</summary>
public sealed class ShowModel(NewsDbContext db, IOptions<SiteOptions> site) : PageModel
{
    public sealed record TopicView(int Id, string Slug, string Title, string? Summary, string IntroHtml, CoverImage? Cover);

    public TopicView Topic { get; private set; } = null!;
    public List<ArticleListItem> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageText, CancellationToken ct)
    {
        var topic = await db.Topics.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new TopicView(t.Id, t.Slug, t.Title, t.Summary, t.IntroHtml, t.Cover))
            .FirstOrDefaultAsync(ct);
        if (topic is null || Paging.ParsePage(pageText) is not { } page)
        {
            return NotFound();
        }
        if (pageText == "1")
        {
            return RedirectPermanent("/topic/" + topic.Slug); // one URL per page
        }
        Topic = topic;

        var links = db.ArticleTopics.AsNoTracking().Where(l => l.TopicId == topic.Id)
            .Where(l => l.Article.Status == ArticleStatus.Published && l.Article.FirstPublishedAt != null);
        Paging = new Paging(page, site.Value.PageSize, await links.CountAsync(ct), "/topic/" + topic.Slug);
        if (page > Paging.TotalPages)
        {
            return NotFound();
        }
        Items = await links
            .OrderBy(l => l.Position).ThenByDescending(l => l.Article.FirstPublishedAt).ThenByDescending(l => l.Article.Number)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(l => l.Article)
            .Select(ArticleListItem.Projection)
            .ToListAsync(ct);
        return Page();
    }
}
