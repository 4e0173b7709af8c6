using Microsoft.AspNetCore.Identity;

namespace Suzhou.News.Accounts;

/// <summary>A newsroom account: a reporter, an editor or an administrator. Readers have no accounts.</summary>
public sealed class NewsUser : IdentityUser
{
    /// <summary>The name printed in bylines and shown in the newsroom, e.g. 李航.</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
