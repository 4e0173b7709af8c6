using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Areas.Admin.Pages.Audit;

[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(NewsDbContext db) : PageModel
{
    const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasNext { get; private set; }

    [FromQuery(Name = "action")]
    public string? ActionFilter { get; set; }

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken ct = default)
    {
        if (page is < 1 or > 100_000)
        {
            return NotFound();
        }
        PageNumber = page;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ActionFilter))
        {
            query = query.Where(e => e.Action == ActionFilter);
        }
        if (!string.IsNullOrWhiteSpace(Text) && Text.Length <= 100)
        {
            query = query.Where(e => e.UserName.Contains(Text) || e.Target.Contains(Text));
        }
        var rows = await query.OrderByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        return Page();
    }

    public static readonly IReadOnlyList<string> Actions =
    [
        AuditActions.LoginFailed, AuditActions.LockedOut, AuditActions.LoginSucceeded, AuditActions.PasswordChanged,
        AuditActions.TwoFactorChanged, AuditActions.UserCreated, AuditActions.RolesChanged, AuditActions.Publish,
        AuditActions.Schedule, AuditActions.Retract, AuditActions.Delete, AuditActions.Restore, AuditActions.Correct,
        AuditActions.MediaUploaded, AuditActions.MediaDeleted, AuditActions.AccountUnlocked, AuditActions.PasswordReset,
        AuditActions.ChannelsChanged, AuditActions.SettingsChanged,
    ];
}
