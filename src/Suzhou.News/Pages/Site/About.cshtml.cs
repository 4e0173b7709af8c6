using Microsoft.AspNetCore.OutputCaching;
using Suzhou.News.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;

namespace Suzhou.News.Pages.Site;

/// <summary>关于我们: a fixed page from <c>content/pages/about.md</c>.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Page)]
public sealed class AboutModel(NewsDbContext db) : PageModel
{
    public sealed record PageView(string Title, string BodyHtml);

    public PageView About { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await db.SitePages.AsNoTracking().Where(p => p.Slug == "about")
            .Select(p => new PageView(p.Title, p.BodyHtml)).FirstOrDefaultAsync(ct);
        if (page is null)
        {
            return NotFound();
        }
        About = page;
        return Page();
    }
}
