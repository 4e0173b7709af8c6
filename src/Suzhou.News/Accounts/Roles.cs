namespace Suzhou.News.Accounts;

/// <summary>The three newsroom roles. Role names are stored in English; the UI shows the Chinese titles.</summary>
public static class Roles
{
    public const string Reporter = "Reporter";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Reporter, Editor, Admin];

    public static string Title(string role) => role switch
    {
        Reporter => "记者",
        Editor => "编辑",
        Admin => "管理员",
        _ => role,
    };

    /// <summary>Accepts the English name in any case or the Chinese title; null when it is neither.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase) || Title(r) == text?.Trim());
}

/// <summary>
/// Authorization policies. Every newsroom page needs <see cref="Staff"/>; handlers that publish or manage
/// check the stricter ones. Admins can do everything editors can.
/// </summary>
public static class Policies
{
    /// <summary>Any newsroom account: reporters, editors, admins.</summary>
    public const string Staff = "Staff";

    /// <summary>Editors and admins: edit anyone's article, publish, schedule, retract, triage the inbox.</summary>
    public const string Editing = "Editing";

    /// <summary>Admins only: users, roles, channels, settings, audit log.</summary>
    public const string Administration = "Administration";
}
