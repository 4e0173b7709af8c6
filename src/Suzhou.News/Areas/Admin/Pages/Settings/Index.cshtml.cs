using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Areas.Admin.Pages.Settings;

/// <summary>
/// Site settings (admins only). A value equal to configuration removes the override, so the site follows
/// configuration again; anything else is stored in the <c>SiteSettings</c> table and wins over it.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(NewsDbContext db, LayeredSiteOptions site, PublicCache cache, AuditLog audit, TimeProvider clock) : PageModel
{
    public sealed record Row(EditableSetting Setting, string Value, string Configured, SiteSetting? Override);

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var effective = site.Value;
        Values = EditableSettings.All.ToDictionary(s => s.Key, s => (string?)s.Read(effective));
        await LoadRowsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var configured = site.Configured;
        var submitted = EditableSettings.All.ToDictionary(s => s.Key, s => EditableSettings.Normalize(Values.GetValueOrDefault(s.Key)));
        foreach (var (key, value) in submitted.Where(v => v.Value.Length > SiteSetting.ValueMaxLength))
        {
            ModelState.AddModelError($"Values[{key}]", $"内容过长（最多 {SiteSetting.ValueMaxLength} 字）");
        }

        // Check the settings as the site would run with them, with the same rules start-up applies.
        var candidate = LayeredSiteOptions.Merge(configured, submitted);
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(candidate, new ValidationContext(candidate), problems, validateAllProperties: true);
        foreach (var problem in problems)
        {
            foreach (var member in problem.MemberNames)
            {
                ModelState.AddModelError($"Values[{member}]", Friendly(problem.ErrorMessage));
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadRowsAsync(ct);
            return Page();
        }

        var stored = await db.SiteSettings.ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, ct);
        var changed = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var setting in EditableSettings.All)
        {
            var value = submitted[setting.Key];
            var follows = value == EditableSettings.Normalize(setting.Read(configured));
            stored.TryGetValue(setting.Key, out var row);
            if (follows && row is not null)
            {
                db.SiteSettings.Remove(row);
                changed.Add(setting.Label + "（恢复配置值）");
            }
            else if (!follows && row?.Value != value)
            {
                if (row is null)
                {
                    row = new SiteSetting { Key = setting.Key };
                    db.SiteSettings.Add(row);
                }
                (row.Value, row.UpdatedAt, row.UpdatedBy) = (value, now, User.DisplayName());
                changed.Add(setting.Label);
            }
        }
        if (changed.Count == 0)
        {
            TempData["Flash"] = "设置没有变化。";
            return RedirectToPage();
        }
        audit.Record(AuditActions.SettingsChanged, "site", string.Join("、", changed));
        await db.SaveChangesAsync(ct);
        site.Invalidate();
        await cache.EverythingChangedAsync(ct);
        TempData["Flash"] = $"已保存：{string.Join("、", changed)}。网站页面已更新。";
        return RedirectToPage();
    }

    async Task LoadRowsAsync(CancellationToken ct)
    {
        var stored = await db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, ct);
        var configured = site.Configured;
        Rows = EditableSettings.All.Select(s => new Row(s, Values.GetValueOrDefault(s.Key) ?? "", s.Read(configured), stored.GetValueOrDefault(s.Key))).ToList();
    }

    /// <summary>Start-up messages name the setting (“Site:Postcode 应为 6 位数字”); next to the field the name is noise.</summary>
    static string Friendly(string? message) =>
        message is null ? "值无效" : System.Text.RegularExpressions.Regex.Replace(message, @"^Site:\w+\s*", "");
}
