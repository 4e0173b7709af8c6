using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Tags;

/// <summary>Articles carrying one tag, newest first.</summary>
[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDbContext db, ListFacts facts, IOptions<SiteOptions> site) : PageModel
{
    public string Name { get; private set; } = "";
    public List<ArticleListItem> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name, [FromQuery(Name = "page")] string? pageText, CancellationToken ct)
    {
        if (name.Length > Tag.NameMaxLength)
        {
            return NotFound();
        }
        var tagId = await db.Tags.AsNoTracking().Where(t => t.Name == name).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        if (tagId is null)
        {
            return NotFound();
        }
        if (pageText == "1")
        {
            return RedirectPermanent("/tag/" + Uri.EscapeDataString(name)); // one URL per page
        }
        Name = name;
        var query = db.Articles.AsNoTracking().Public().Where(a => a.Tags.Any(t => t.Id == tagId));
        var total = await facts.GetAsync("tag", tagId.Value, () => query.CountAsync(ct));
        if (Paging.For(total, pageText, site.Value.PageSize, "/tag/" + Uri.EscapeDataString(name)) is not { TotalItems: > 0 } paging)
        {
            return NotFound();
        }
        Paging = paging;
        Items = await query.Newest().Skip(Paging.Skip).Take(Paging.PageSize).Select(ArticleListItem.Projection).ToListAsync(ct);
        return Page();
    }
}
