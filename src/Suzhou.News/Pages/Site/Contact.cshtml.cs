using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Site;

/// <summary>
/// 联系我们 / 举报: phone, email, address and postcode from <c>Site</c> options, the 受理范围 and handling
/// promise from <c>content/pages/contact.md</c>, and the national reporting centre.
/// </summary>
[OutputCache(PolicyName = PublicPagePolicy.Page)]
public sealed class ContactModel(NewsDbContext db, IOptions<SiteOptions> site) : PageModel
{
    public SiteOptions Site => site.Value;
    public string Title { get; private set; } = "联系我们";
    public string? BodyHtml { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await db.SitePages.AsNoTracking().Where(p => p.Slug == "contact")
            .Select(p => new { p.Title, p.BodyHtml }).FirstOrDefaultAsync(ct);
        if (page is not null)
        {
            Title = page.Title;
            BodyHtml = page.BodyHtml;
        }
    }
}
