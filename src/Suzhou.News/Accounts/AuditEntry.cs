namespace Suzhou.News.Accounts;

/// <summary>One line of the audit log: who did what to which thing, when and from where. Never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>The account, or null for an anonymous attempt (a failed sign-in for an unknown email).</summary>
    public string? UserId { get; set; }

    /// <summary>The name as typed or as known at the time, kept even if the account is later removed.</summary>
    public string UserName { get; set; } = "";

    /// <summary>A short verb from <see cref="AuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to, e.g. <c>article:246001</c> or <c>user:li.hang@example.cn</c>.</summary>
    public string Target { get; set; } = "";

    public string Detail { get; set; } = "";
    public string? IpAddress { get; set; }
}

public static class AuditActions
{
    public const string LoginFailed = "login.failed";
    public const string LockedOut = "login.lockedout";
    public const string LoginSucceeded = "login.ok";
    public const string PasswordChanged = "password.changed";
    public const string TwoFactorChanged = "2fa.changed";
    public const string UserCreated = "user.created";
    public const string RolesChanged = "user.roles";
    public const string Publish = "article.publish";
    public const string Schedule = "article.schedule";
    public const string Retract = "article.retract";
    public const string Delete = "article.delete";
    public const string Restore = "article.restore";
    public const string Correct = "article.correct";
    public const string MediaUploaded = "media.upload";
    public const string MediaDeleted = "media.delete";
    public const string AccountUnlocked = "user.unlock";
    public const string PasswordReset = "user.password.reset";
    public const string ChannelsChanged = "channels.changed";
    public const string SettingsChanged = "settings.changed";

    public static string Title(string action) => action switch
    {
        LoginFailed => "登录失败",
        LockedOut => "账户锁定",
        LoginSucceeded => "登录",
        PasswordChanged => "修改密码",
        TwoFactorChanged => "两步验证设置",
        UserCreated => "新建账户",
        RolesChanged => "角色变更",
        Publish => "发布",
        Schedule => "排期",
        Retract => "撤回",
        Delete => "删除",
        Restore => "恢复",
        Correct => "更正",
        MediaUploaded => "上传图片",
        MediaDeleted => "删除图片",
        AccountUnlocked => "解除锁定",
        PasswordReset => "重置密码",
        ChannelsChanged => "栏目调整",
        SettingsChanged => "站点设置",
        _ => action,
    };
}
