namespace Suzhou.News.TipOffs;

/// <summary>Handling rules for tips and reports (<c>TipOffs</c> section). Upload sizes live in <c>Limits:Uploads:TipOffs</c>.</summary>
public sealed class TipOffOptions
{
    public const string Section = "TipOffs";

    /// <summary>Days a report may wait before it is overdue.</summary>
    public int ReportDeadlineDays { get; set; } = 7;

    /// <summary>Months of received / handled report counts shown on the contact page.</summary>
    public int PublicStatsMonths { get; set; } = 6;
}
