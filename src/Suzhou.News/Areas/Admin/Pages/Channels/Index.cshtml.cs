using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Areas.Admin.Pages.Channels;

/// <summary>
/// The channel tree (admins only): names, descriptions, order among siblings and visibility. Slugs, kinds and
/// parents stay as imported, because article URLs and county tags hang on them.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(NewsDbContext db, ChannelCatalog catalog, PublicCache cache, AuditLog audit) : PageModel
{
    public sealed class ChannelRow
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "栏目名称不能为空")]
        [StringLength(Channel.NameMaxLength, ErrorMessage = "栏目名称不超过 {1} 字")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "栏目简介不超过 {1} 字")]
        public string? Description { get; set; }

        [Range(0, 999, ErrorMessage = "顺序应为 0–999 的整数")]
        public int Position { get; set; }

        public bool Hidden { get; set; }

        // Shown, never posted back.
        public string Slug { get; set; } = "";
        public int? ParentId { get; set; }
        public ChannelKind Kind { get; set; }
    }

    [BindProperty]
    public List<ChannelRow> Rows { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await ReadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await db.Channels.ToDictionaryAsync(c => c.Id, ct);
        if (Rows.Count == 0 || Rows.Any(r => !stored.ContainsKey(r.Id)) || Rows.Select(r => r.Id).Distinct().Count() != Rows.Count)
        {
            return BadRequest();
        }
        // The read-only columns come from the database, so the page shows them again on an error.
        foreach (var row in Rows)
        {
            var channel = stored[row.Id];
            (row.Slug, row.ParentId, row.Kind) = (channel.Slug, channel.ParentId, channel.Kind);
        }
        if (!ModelState.IsValid)
        {
            Rows = Ordered(Rows);
            return Page();
        }

        var changes = new List<string>();
        foreach (var row in Rows)
        {
            var channel = stored[row.Id];
            var name = row.Name!.Trim();
            var description = string.IsNullOrWhiteSpace(row.Description) ? null : row.Description.Trim();
            if (channel.Name != name)
            {
                changes.Add($"{channel.Slug} 名称 {channel.Name}→{name}");
            }
            if (channel.Position != row.Position)
            {
                changes.Add($"{channel.Slug} 顺序 {channel.Position}→{row.Position}");
            }
            if (channel.Hidden != row.Hidden)
            {
                changes.Add($"{channel.Slug} {(row.Hidden ? "隐藏" : "显示")}");
            }
            if (channel.Description != description)
            {
                changes.Add($"{channel.Slug} 简介");
            }
            (channel.Name, channel.Description, channel.Position, channel.Hidden) = (name, description, row.Position, row.Hidden);
        }
        if (changes.Count == 0)
        {
            TempData["Flash"] = "栏目没有变化。";
            return RedirectToPage();
        }
        var detail = string.Join("；", changes);
        audit.Record(AuditActions.ChannelsChanged, "channels", detail.Length > 2000 ? detail[..1997] + "…" : detail);
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();
        await cache.EverythingChangedAsync(ct);
        TempData["Flash"] = $"栏目已保存（{changes.Count} 处修改），网站导航已更新。";
        return RedirectToPage();
    }

    async Task<List<ChannelRow>> ReadAsync(CancellationToken ct) => Ordered(await db.Channels.AsNoTracking()
        .Select(c => new ChannelRow
        {
            Id = c.Id, Name = c.Name, Description = c.Description, Position = c.Position, Hidden = c.Hidden,
            Slug = c.Slug, ParentId = c.ParentId, Kind = c.Kind,
        })
        .ToListAsync(ct));

    /// <summary>Parents in order, each followed by its children in order.</summary>
    static List<ChannelRow> Ordered(List<ChannelRow> rows)
    {
        var children = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var result = new List<ChannelRow>();
        foreach (var root in rows.Where(r => r.ParentId is null).OrderBy(r => r.Position).ThenBy(r => r.Id))
        {
            result.Add(root);
            result.AddRange(children[root.Id].OrderBy(r => r.Position).ThenBy(r => r.Id));
        }
        result.AddRange(rows.Except(result));
        return result;
    }
}
