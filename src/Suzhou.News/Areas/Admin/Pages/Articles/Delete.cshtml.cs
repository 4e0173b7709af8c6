using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>The confirmation step before an article goes to the recycle bin (editors only). Nothing is hard-deleted.</summary>
[Authorize(Policy = Policies.Editing)]
public sealed class DeleteModel(NewsDbContext db, ArticleWorkflow workflow) : PageModel
{
    public Article Article { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.Status != ArticleStatus.Deleted, ct) is not { } article)
        {
            return NotFound();
        }
        Article = article;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.Status != ArticleStatus.Deleted, ct) is not { } article)
        {
            return NotFound();
        }
        var note = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()[..Math.Min(Reason.Trim().Length, ArticleEvent.NoteMaxLength)];
        var refusal = await workflow.DeleteAsync(article, note, Actor.From(User), ct);
        TempData["Flash"] = refusal?.Message ?? $"《{article.Title}》已移入回收站，可在回收站恢复。";
        return Redirect("/admin/articles");
    }
}
