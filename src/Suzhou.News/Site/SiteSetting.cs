namespace Suzhou.News.Site;

/// <summary>An admin's override of one <c>Site:*</c> setting, layered over configuration. No row: configuration decides.</summary>
public sealed class SiteSetting
{
    /// <summary>The <see cref="Site.SiteOptions"/> property name, e.g. <c>ReportPhone</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The value; lists (the footer notices) are stored one item per line.</summary>
    public string Value { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public const int ValueMaxLength = 4000;
}
