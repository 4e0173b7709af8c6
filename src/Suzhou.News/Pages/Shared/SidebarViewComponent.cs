using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Data;

namespace Suzhou.News.Pages.Shared;

/// <summary>The right-hand column of inner pages: latest, recommended, topics.</summary>
public sealed class SidebarViewComponent(NewsDbContext db) : ViewComponent
{
    public sealed record TopicLink(string Slug, string Title);

    public sealed record SidebarView(List<ArticleListItem> Latest, List<ArticleListItem> Featured, List<TopicLink> Topics);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var latest = await db.Articles.AsNoTracking().Public().Newest().Select(ArticleListItem.Projection).Take(8).ToListAsync(ct);
        var featured = await db.Articles.AsNoTracking().Public().Where(a => a.IsFeatured).Newest()
            .Select(ArticleListItem.Projection).Take(6).ToListAsync(ct);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position).Select(t => new TopicLink(t.Slug, t.Title)).Take(6).ToListAsync(ct);
        return View(new SidebarView(latest, featured, topics));
    }
}
