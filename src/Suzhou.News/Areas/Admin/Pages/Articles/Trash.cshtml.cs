using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>回收站: deleted articles, newest deletion first, each restorable as a draft (editors only).</summary>
[Authorize(Policy = Policies.Editing)]
public sealed class TrashModel(NewsDbContext db, ArticleWorkflow workflow, IOptions<NewsroomOptions> options) : PageModel
{
    public sealed record Row(int Id, int Number, string Title, DateTime? DeletedAt, string? DeletedBy, string? Note);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Deleted)
            .Select(a => new
            {
                a.Id, a.Number, a.Title,
                Last = db.ArticleEvents.Where(e => e.ArticleId == a.Id && e.To == ArticleStatus.Deleted).OrderByDescending(e => e.At).FirstOrDefault(),
            })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Number, r.Title, r.Last?.At, r.Last?.UserName, r.Last?.Note))
            .OrderByDescending(r => r.DeletedAt).Take(options.Value.PageSize * 10).ToList();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct)
    {
        if (await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Deleted, ct) is not { } article)
        {
            return NotFound();
        }
        var refusal = await workflow.RestoreAsync(article, Actor.From(User), ct);
        TempData["Flash"] = refusal?.Message ?? $"《{article.Title}》已恢复为草稿。";
        return Redirect("/admin/articles/trash");
    }
}
