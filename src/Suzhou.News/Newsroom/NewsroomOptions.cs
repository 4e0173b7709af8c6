using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Newsroom;

/// <summary>Newsroom limits (<c>Newsroom:*</c>).</summary>
public sealed class NewsroomOptions
{
    public const string Section = "Newsroom";

    /// <summary>How often the scheduler looks for due articles; it also runs once at start.</summary>
    [Range(1, 3600, ErrorMessage = "Newsroom:SchedulerSeconds 应在 1–3600 之间")]
    public int SchedulerSeconds { get; set; } = 30;

    /// <summary>How long "someone else is editing" is shown after they opened the article.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Newsroom:EditingNoticeMinutes 应在 1–1440 之间")]
    public int EditingNoticeMinutes { get; set; } = 15;

    /// <summary>Rows per page in the article list and the recycle bin.</summary>
    [Range(5, 200, ErrorMessage = "Newsroom:PageSize 应在 5–200 之间")]
    public int PageSize { get; set; } = 30;
}
