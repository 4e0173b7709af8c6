using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Areas.Admin.Pages.Shared;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>
/// 修订记录: every saved version, a side-by-side comparison of any two (<c>?from=2&amp;to=5</c>), and restore, which
/// saves the old fields as a new version. Whoever may edit the article may restore; whoever may see it may compare.
/// </summary>
public sealed class RevisionsModel(NewsDbContext db, ArticleEditor editor) : PageModel
{
    public sealed record Row(int Sequence, DateTime At, string UserName, string Reason, string Title);

    public Article Article { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DiffView? Diff { get; private set; }
    public bool CanRestore { get; private set; }

    [FromQuery(Name = "from")] public int? From { get; set; }
    [FromQuery(Name = "to")] public int? To { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article || !actor.CanView(article))
        {
            return NotFound();
        }
        Article = article;
        CanRestore = actor.CanEdit(article);
        Rows = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Sequence)
            .Select(r => new Row(r.Sequence, r.At, r.UserName, r.Reason, r.Title)).ToListAsync(ct);
        if (To is { } to)
        {
            var from = From ?? to - 1;
            var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && (r.Sequence == from || r.Sequence == to)).ToListAsync(ct);
            if (revisions.FirstOrDefault(r => r.Sequence == to) is not { } newer)
            {
                return NotFound();
            }
            var older = revisions.FirstOrDefault(r => r.Sequence == from);
            var oldText = older is null ? "" : await editor.ComparableTextAsync(ArticleEditor.ReadSnapshot(older), ct);
            var newText = await editor.ComparableTextAsync(ArticleEditor.ReadSnapshot(newer), ct);
            Diff = new DiffView(TextDiff.Compare(oldText, newText), older is null ? "（无）" : $"第 {from} 版", $"第 {to} 版");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int rev, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (await editor.FindAsync(id, ct) is not { } article || !actor.CanView(article))
        {
            return NotFound();
        }
        if (!actor.CanEdit(article))
        {
            return Forbid();
        }
        if (await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id && r.Sequence == rev, ct) is not { } revision)
        {
            return NotFound();
        }
        var outcome = await editor.RestoreAsync(article, revision, actor, ct);
        TempData["Flash"] = outcome is SaveOutcome.Saved ? $"已恢复第 {rev} 版的内容（另存为新版本）。" : "恢复未成功：稿件刚被他人修改，请重试。";
        return Redirect($"/admin/articles/{id}/revisions");
    }
}
