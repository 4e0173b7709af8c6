using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Accounts;

/// <summary>Creating newsroom accounts: the first admin at start-up, the <c>users</c> verb and the admin pages.</summary>
public sealed partial class StaffAccounts(
    UserManager<NewsUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<BootstrapOptions> bootstrap,
    AuditLog audit,
    TimeProvider clock,
    ILogger<StaffAccounts> logger)
{
    public async Task EnsureRolesAndFirstAdminAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = bootstrap.Value.AdminEmail;
        var password = bootstrap.Value.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (string.IsNullOrWhiteSpace(email))
        {
            email = "admin@localhost";
        }
        if (generated)
        {
            password = NewPassword();
        }
        var result = await CreateAsync(email, "管理员", password!, [Roles.Admin], ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("无法创建首个管理员：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
        if (generated)
        {
            // Printed once, on the one start that creates the account; the operator changes it after signing in.
            LogGeneratedAdmin(logger, email, password!);
        }
        else
        {
            LogBootstrapAdmin(logger, email);
        }
    }

    /// <summary>Creates an account with roles; audit-logged. Fails with Identity's (Chinese) errors.</summary>
    public async Task<IdentityResult> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames, CancellationToken ct = default)
    {
        var user = new NewsUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim() : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result;
        }
        var wanted = roleNames.ToList();
        result = await users.AddToRolesAsync(user, wanted);
        if (!result.Succeeded)
        {
            await users.DeleteAsync(user);
            return result;
        }
        await audit.WriteAsync(AuditActions.UserCreated, $"user:{user.Email}", string.Join(",", wanted), ct: ct);
        return result;
    }

    /// <summary>Adds the roles the account lacks (never removes any); true when something changed.</summary>
    public async Task<bool> EnsureRolesAsync(NewsUser user, IEnumerable<string> roleNames, CancellationToken ct = default)
    {
        var missing = roleNames.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count == 0)
        {
            return false;
        }
        Check(await users.AddToRolesAsync(user, missing), $"roles for {user.Email}");
        await audit.WriteAsync(AuditActions.RolesChanged, $"user:{user.Email}", "+" + string.Join(",+", missing), ct: ct);
        return true;
    }

    public Task<NewsUser?> FindAsync(string email) => users.FindByEmailAsync(email.Trim());

    public Task<bool> AnyAsync(CancellationToken ct) => users.Users.AnyAsync(ct);

    /// <summary>
    /// A random password of 16 characters from an alphabet without look-alikes, always with the lowercase letter
    /// and digit the password rules ask for (a purely random draw of 14 missed the lowercase about once in 2,000).
    /// </summary>
    public static string NewPassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz", digits = "23456789";
        const string alphabet = lower + "ABCDEFGHJKLMNPQRSTUVWXYZ" + digits;
        var password = (RandomNumberGenerator.GetString(alphabet, 12) + RandomNumberGenerator.GetString(lower, 2)
            + RandomNumberGenerator.GetString(digits, 2)).ToCharArray();
        RandomNumberGenerator.Shuffle(password.AsSpan());
        return new string(password);
    }

    static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: " + string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "已创建首个管理员 {Email}，一次性密码：{Password} —— 只显示这一次，请登录后立即修改。")]
    static partial void LogGeneratedAdmin(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "已按 Bootstrap 配置创建首个管理员 {Email}")]
    static partial void LogBootstrapAdmin(ILogger logger, string email);
}
