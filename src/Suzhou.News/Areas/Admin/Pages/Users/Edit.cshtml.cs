using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suzhou.News.Accounts;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Areas.Admin.Pages.Users;

/// <summary>
/// One account (admins only): change roles (a second, confirming POST applies them), unlock, reset the password
/// (the new one is shown once). An admin cannot take the Admin role from themselves.
/// </summary>
[Authorize(Policy = Policies.Administration)]
public sealed class EditModel(UserManager<NewsUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    public NewsUser Account { get; private set; } = null!;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public bool LockedOut { get; private set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>True while the page asks the admin to confirm a role change.</summary>
    public bool Confirming { get; private set; }

    public string? GeneratedPassword { get; private set; }

    public bool IsSelf => Account.Id == User.Id();

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRolesAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, postedRoles: true))
        {
            return NotFound();
        }
        var wanted = Accounts.Roles.All.Where(r => Roles.Contains(r)).ToList();
        if (wanted.Count == 0)
        {
            ModelState.AddModelError(nameof(Roles), "至少保留一个角色。");
        }
        else if (IsSelf && CurrentRoles.Contains(Accounts.Roles.Admin) && !wanted.Contains(Accounts.Roles.Admin))
        {
            ModelState.AddModelError(nameof(Roles), "不能取消自己的管理员角色，以免无人能管理账户。请由另一位管理员操作。");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var added = wanted.Except(CurrentRoles).ToList();
        var removed = CurrentRoles.Except(wanted).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            TempData["Flash"] = "角色没有变化。";
            return RedirectToPage(new { id });
        }
        if (!Confirmed)
        {
            Roles = wanted;
            Confirming = true;
            return Page();
        }

        var result = removed.Count > 0 ? await users.RemoveFromRolesAsync(Account, removed) : IdentityResult.Success;
        if (result.Succeeded && added.Count > 0)
        {
            result = await users.AddToRolesAsync(Account, added);
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Roles), string.Join("；", result.Errors.Select(e => e.Description)));
            return Page();
        }
        // A new stamp makes the account's open sessions pick up the new roles at their next check.
        await users.UpdateSecurityStampAsync(Account);
        var change = string.Join(",", added.Select(r => "+" + r).Concat(removed.Select(r => "-" + r)));
        await audit.WriteAsync(AuditActions.RolesChanged, $"user:{Account.Email}", change, ct: ct);
        TempData["Flash"] = $"已将 {Account.DisplayName} 的角色改为：{string.Join("、", wanted.Select(Accounts.Roles.Title))}。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await audit.WriteAsync(AuditActions.AccountUnlocked, $"user:{Account.Email}", ct: ct);
        TempData["Flash"] = $"已解除 {Account.DisplayName} 的锁定。";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var password = StaffAccounts.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        var result = await users.ResetPasswordAsync(Account, token, password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", string.Join("；", result.Errors.Select(e => e.Description)));
            return Page();
        }
        await audit.WriteAsync(AuditActions.PasswordReset, $"user:{Account.Email}", ct: ct);
        // Shown in this answer only; a redirect would have to carry it in a cookie or URL.
        GeneratedPassword = password;
        await LoadAsync(id);
        return Page();
    }

    async Task<bool> LoadAsync(string id, bool postedRoles = false)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 450 || await users.FindByIdAsync(id) is not { } account)
        {
            return false;
        }
        Account = account;
        CurrentRoles = (await users.GetRolesAsync(account)).ToList();
        LockedOut = account.LockoutEnd is { } end && end > clock.GetUtcNow();
        if (!postedRoles)
        {
            Roles = [.. CurrentRoles];
        }
        return true;
    }
}
