using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Media;

namespace Suzhou.News.Areas.Admin.Pages.Media;

/// <summary>Fixes a picture's alt text, caption or credit: its uploader may, and editors may for any picture.</summary>
public sealed class EditModel(NewsDbContext db) : PageModel
{
    [BindProperty]
    public IndexModel.UploadInput Input { get; set; } = new();

    public MediaAsset Asset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }
        Asset = asset;
        Input = new IndexModel.UploadInput { Alt = asset.Alt, Caption = asset.Caption, Credit = asset.Credit };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } asset)
        {
            return NotFound();
        }
        Asset = asset;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        asset.Alt = Input.Alt!.Trim();
        asset.Caption = string.IsNullOrWhiteSpace(Input.Caption) ? null : Input.Caption.Trim();
        asset.Credit = string.IsNullOrWhiteSpace(Input.Credit) ? null : Input.Credit.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "图片说明已保存。已插入稿件的 Markdown 不会自动更新，如需请重新复制。";
        return RedirectToPage("Index");
    }

    /// <summary>Someone else's picture is simply not found for a reporter: the rule sits in the query.</summary>
    Task<MediaAsset?> FindAsync(int id, CancellationToken ct)
    {
        var all = User.CanEditAll();
        var me = User.Id();
        return db.MediaAssets.FirstOrDefaultAsync(m => m.Id == id && m.DeletedAt == null && (all || m.UploadedById == me), ct);
    }
}
