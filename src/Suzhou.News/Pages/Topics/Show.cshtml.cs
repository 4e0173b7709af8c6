using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Topics;

/// <summary>A 专题 page: cover, introduction, then its articles in the editors' order.</summary>
[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDbContext db, ListFacts facts, IOptions<SiteOptions> site) : PageModel
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
        if (topic is null)
        {
            return NotFound();
        }
        if (pageText == "1")
        {
            return RedirectPermanent("/topic/" + topic.Slug); // one URL per page
        }
        Topic = topic;

        var members = db.Articles.AsNoTracking().Public().Where(a => a.Topics.Any(l => l.TopicId == topic.Id));
        var total = await facts.GetAsync("topic", topic.Id, () => members.CountAsync(ct));
        if (Paging.For(total, pageText, site.Value.PageSize, "/topic/" + topic.Slug) is not { } paging)
        {
            return NotFound();
        }
        Paging = paging;
        Items = await members
            .OrderBy(a => a.Topics.Where(l => l.TopicId == topic.Id).Select(l => l.Position).First())
            .ThenByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Number)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(ArticleListItem.Projection)
            .ToListAsync(ct);
        return Page();
    }
}
