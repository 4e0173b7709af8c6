using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Accounts;

/// <summary>The first administrator (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>).</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    [EmailAddress(ErrorMessage = "Bootstrap:AdminEmail 不是有效的邮箱地址")]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

/// <summary>Sign-in limits (<c>Accounts:*</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failed sign-ins before the account is locked.</summary>
    [Range(1, 100, ErrorMessage = "Accounts:MaxFailedAttempts 应在 1–100 之间")]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Accounts:LockoutMinutes 应在 1–1440 之间")]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a sign-in lasts without activity.</summary>
    [Range(5, 30 * 24 * 60, ErrorMessage = "Accounts:SessionMinutes 应在 5–43200 之间")]
    public int SessionMinutes { get; set; } = 8 * 60;
}
