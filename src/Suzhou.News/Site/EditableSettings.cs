namespace Suzhou.News.Site;

/// <summary>One site setting an admin may change without a redeploy.</summary>
public sealed record EditableSetting(string Key, string Label, string Hint, bool Multiline, Func<SiteOptions, string> Read, Action<SiteOptions, string> Write);

/// <summary>
/// The <c>Site:*</c> settings the settings page edits: what readers see in the masthead, footer and contact page.
/// Base URL, page size and the national reporting link stay in configuration (they are operators' business).
/// </summary>
public static class EditableSettings
{
    public static readonly IReadOnlyList<EditableSetting> All =
    [
        new(nameof(SiteOptions.Name), "网站名称", "页面标题和页头使用。", false, o => o.Name, (o, v) => o.Name = v),
        new(nameof(SiteOptions.Tagline), "页头标语", "显示在标志下方，可留空。", false, o => o.Tagline ?? "", (o, v) => o.Tagline = Empty(v)),
        new(nameof(SiteOptions.Description), "网站简介", "首页 meta description。", true, o => o.Description, (o, v) => o.Description = v),
        new(nameof(SiteOptions.ReportPhone), "违法和不良信息举报电话", "页脚和“联系我们”页显示。", false, o => o.ReportPhone, (o, v) => o.ReportPhone = v),
        new(nameof(SiteOptions.ReportEmail), "举报邮箱", "页脚和“联系我们”页显示。", false, o => o.ReportEmail, (o, v) => o.ReportEmail = v),
        new(nameof(SiteOptions.Address), "通讯地址", "", false, o => o.Address, (o, v) => o.Address = v),
        new(nameof(SiteOptions.Postcode), "邮政编码", "6 位数字。", false, o => o.Postcode, (o, v) => o.Postcode = v),
        new(nameof(SiteOptions.CopyrightHolder), "版权所有者", "页脚“版权所有”一行。", false, o => o.CopyrightHolder, (o, v) => o.CopyrightHolder = v),
        new(nameof(SiteOptions.Notices), "页脚版权声明", "每行一条，按顺序编号显示。", true,
            o => string.Join('\n', o.Notices),
            (o, v) => o.Notices = v.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()),
        new(nameof(SiteOptions.Icp), "ICP 备案号", "可留空。", false, o => o.Icp ?? "", (o, v) => o.Icp = Empty(v)),
    ];

    public static EditableSetting? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>Line endings and surrounding blanks do not make a value different.</summary>
    public static string Normalize(string? value) =>
        string.Join('\n', (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim())).Trim();

    static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
