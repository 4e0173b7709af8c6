using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Media;

namespace Suzhou.News.Areas.Admin.Pages.Media;

/// <summary>Editors delete a picture in two steps: this page shows it and where it is used, the POST removes its files.</summary>
[Authorize(Policy = Policies.Editing)]
public sealed class DeleteModel(NewsDbContext db, MediaUploads uploads, AuditLog audit, TimeProvider clock) : PageModel
{
    public MediaAsset Asset { get; private set; } = null!;

    /// <summary>Articles whose body or cover use the picture: they would show a broken image.</summary>
    public IReadOnlyList<string> UsedBy { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }
        Asset = asset;
        UsedBy = await db.Articles.AsNoTracking()
            .Where(a => a.BodyMarkdown.Contains(asset.StoredName) || (a.Cover != null && a.Cover.Src.Contains(asset.StoredName)))
            .OrderByDescending(a => a.Id).Select(a => a.Title).Take(20).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }
        asset.DeletedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditActions.MediaDeleted, $"media:{asset.FileName}", asset.Alt);
        await db.SaveChangesAsync(ct);
        uploads.Delete(asset);
        TempData["Flash"] = $"已删除图片“{asset.Alt}”。";
        return RedirectToPage("Index");
    }

    Task<MediaAsset?> FindAsync(int id, CancellationToken ct) =>
        db.MediaAssets.FirstOrDefaultAsync(m => m.Id == id && m.DeletedAt == null, ct);
}
