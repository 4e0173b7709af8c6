using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Shared;

/// <summary>The right-hand column of inner pages: latest, recommended, topics.</summary>
public sealed class SidebarViewComponent(NewsDbContext db, IMemoryCache memory, PublicCache cache) : ViewComponent
{
    public sealed record TopicLink(string Slug, string Title);

    public sealed record SidebarView(List<ArticleListItem> Latest, List<ArticleListItem> Featured, List<TopicLink> Topics);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // The same on every inner page: read once, kept until content changes (or a minute, for scheduled stories).
        var view = await memory.GetOrCreateAsync("sidebar", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            entry.AddExpirationToken(cache.ContentToken);
            return await LoadAsync(HttpContext.RequestAborted);
        });
        return View(view);
    }

    async Task<SidebarView> LoadAsync(CancellationToken ct)
    {
        var latest = await db.Articles.AsNoTracking().Public().Newest().Select(ArticleListItem.Projection).Take(8).ToListAsync(ct);
        var featured = await db.Articles.AsNoTracking().Public().Where(a => a.IsFeatured).Newest()
            .Select(ArticleListItem.Projection).Take(6).ToListAsync(ct);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position).Select(t => new TopicLink(t.Slug, t.Title)).Take(6).ToListAsync(ct);
        return new SidebarView(latest, featured, topics);
    }
}
