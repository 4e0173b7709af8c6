using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Media;

namespace Suzhou.News.Areas.Admin.Pages.Media;

/// <summary>
/// 媒体库: every newsroom account may browse, search and upload (pictures are shared newsroom assets); deleting
/// is on its own editor-only page. With <c>?pick=cover&amp;returnUrl=/admin/…</c> each picture links back to the
/// caller with <c>cover=/media/….jpg&amp;coverId=N</c> added to its query.
/// </summary>
[MediaUpload]
public sealed partial class IndexModel(NewsDbContext db, MediaUploads uploads, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record MediaItem(int Id, string Url, string Thumbnail, int Width, int Height, string Alt, string? Caption, string? Credit,
        string OriginalFileName, long ByteSize, string? UploadedById, string UploadedByName, DateTime CreatedAt)
    {
        /// <summary>What a reporter pastes into an article: the title becomes the figure caption.</summary>
        public string Markdown
        {
            get
            {
                var caption = string.Join(" ", new[] { Caption, string.IsNullOrWhiteSpace(Credit) ? null : $"（摄影：{Credit}）" }.Where(s => !string.IsNullOrWhiteSpace(s)));
                var alt = Alt.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
                return caption.Length == 0 ? $"![{alt}]({Url})" : $"![{alt}]({Url} \"{caption.Replace("\"", "＂", StringComparison.Ordinal)}\")";
            }
        }
    }

    public sealed class UploadInput
    {
        [Required(ErrorMessage = "请填写替代文字：说明图片内容，供读屏软件朗读")]
        [StringLength(MediaAsset.AltMaxLength, ErrorMessage = "替代文字不超过 {1} 字")]
        [Display(Name = "替代文字（必填）")]
        public string? Alt { get; set; }

        [StringLength(MediaAsset.CaptionMaxLength, ErrorMessage = "图片说明不超过 {1} 字")]
        [Display(Name = "图片说明")]
        public string? Caption { get; set; }

        [StringLength(MediaAsset.CreditMaxLength, ErrorMessage = "摄影署名不超过 {1} 字")]
        [Display(Name = "摄影")]
        public string? Credit { get; set; }
    }

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "图片文件")]
    public IFormFile? Upload { get; set; }

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "pick")]
    public string? Pick { get; set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasNext { get; private set; }
    public int? Highlight { get; private set; }
    public long MaxBytes => uploads.Options.MaxBytes;

    /// <summary>Picker mode needs a plain field name and a newsroom page to return to; anything else is ignored.</summary>
    public bool Picking => Pick is { } p && PickName().IsMatch(p) && ReturnUrl is { } r && Url.IsLocalUrl(r) && r.StartsWith("/admin", StringComparison.OrdinalIgnoreCase);

    public string PickUrl(MediaItem item)
    {
        var separator = ReturnUrl!.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return $"{ReturnUrl}{separator}{Pick}={Uri.EscapeDataString(item.Url)}&{Pick}Id={item.Id}";
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page = 1, [FromQuery(Name = "uploaded")] int? uploaded = null, CancellationToken ct = default)
    {
        if (page is < 1 or > 100_000)
        {
            return NotFound();
        }
        Highlight = uploaded;
        await LoadAsync(page, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要上传的图片（JPEG、PNG、WebP 或 GIF）。");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(1, ct);
            return Page();
        }

        UploadResult result;
        await using (var stream = Upload!.OpenReadStream())
        {
            result = await uploads.StoreAsync(stream, Upload.Length, ct);
        }
        if (result.Image is not { } stored)
        {
            ModelState.AddModelError(nameof(Upload), result.Error!);
            await LoadAsync(1, ct);
            if (result.TooLarge)
            {
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
            return Page();
        }

        var asset = new MediaAsset
        {
            StoredName = stored.StoredName,
            Extension = stored.Extension,
            ContentType = stored.ContentType,
            Width = stored.Width,
            Height = stored.Height,
            ByteSize = stored.ByteSize,
            VariantWidths = stored.VariantWidths,
            OriginalFileName = Path.GetFileName(Upload.FileName) is { Length: > 0 and <= 255 } original ? original : "",
            Alt = Input.Alt!.Trim(),
            Caption = Clean(Input.Caption),
            Credit = Clean(Input.Credit),
            UploadedById = User.Id(),
            UploadedByName = User.DisplayName(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MediaAssets.Add(asset);
        audit.Record(AuditActions.MediaUploaded, $"media:{asset.FileName}", $"{asset.Width}×{asset.Height} {asset.OriginalFileName}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            uploads.Delete(asset);
            throw;
        }
        TempData["Flash"] = "图片已上传。复制下方的 Markdown 即可插入稿件。";
        return RedirectToPage(new { uploaded = asset.Id, pick = Picking ? Pick : null, returnUrl = Picking ? ReturnUrl : null });
    }

    async Task LoadAsync(int page, CancellationToken ct)
    {
        PageNumber = page;
        var size = uploads.Options.PageSize;
        var query = db.MediaAssets.AsNoTracking().Where(m => m.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(Text) && Text.Length <= 100)
        {
            var text = Text.Trim();
            query = query.Where(m => m.Alt.Contains(text) || (m.Caption != null && m.Caption.Contains(text))
                || (m.Credit != null && m.Credit.Contains(text)) || m.OriginalFileName.Contains(text));
        }
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * size).Take(size + 1)
            .ToListAsync(ct);
        HasNext = rows.Count > size;
        Items = rows.Take(size).Select(m => new MediaItem(m.Id, m.Url,
            m.VariantWidths.Count > 0 ? m.VariantUrl(m.VariantWidths[0]) : m.Url,
            m.Width, m.Height, m.Alt, m.Caption, m.Credit, m.OriginalFileName, m.ByteSize, m.UploadedById, m.UploadedByName, m.CreatedAt)).ToList();
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex PickName();
}
