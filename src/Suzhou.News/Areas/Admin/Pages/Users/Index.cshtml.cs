using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Areas.Admin.Pages.Users;

/// <summary>Every newsroom account with its roles and lock state (admins only).</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(NewsDbContext db, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTime? LockedUntil, bool TwoFactor, DateTime CreatedAt);

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        Rows = users.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName,
            Accounts.Roles.All.Where(byUser[u.Id].Contains).ToList(),
            u.LockoutEnd is { } end && end > now ? end.UtcDateTime : null,
            u.TwoFactorEnabled, u.CreatedAt)).ToList();
    }
}
