using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Accounts;

/// <summary>What the newsroom pages show of the signed-in account.</summary>
public static class StaffClaims
{
    public const string NameClaim = "sn:name";

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static string RoleTitles(this ClaimsPrincipal user) =>
        string.Join("、", Roles.All.Where(user.IsInRole).Select(Roles.Title));

    public static string? Id(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Editors and admins may edit, publish and retract every article.</summary>
    public static bool CanEditAll(this ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);
}

/// <summary>Puts the display name (李航) in the sign-in cookie, so pages need no query to greet the user.</summary>
public sealed class NewsClaimsFactory(UserManager<NewsUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NewsUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NewsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.NameClaim, user.DisplayName));
        return identity;
    }
}
