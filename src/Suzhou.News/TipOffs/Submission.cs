namespace Suzhou.News.TipOffs;

/// <summary>
/// Something the public sent in: a news tip (爆料) or a report of illegal or harmful content (举报).
/// The receipt number is public; the lookup code is shown once and stored only as a hash.
/// </summary>
public sealed class Submission
{
    public int Id { get; set; }
    public SubmissionKind Kind { get; set; }

    /// <summary>BL20261129-8K3F for a tip, JB… for a report.</summary>
    public string ReceiptNumber { get; set; } = "";

    /// <summary>SHA-256 of the receipt number and the normalised lookup code, hex.</summary>
    public string LookupCodeHash { get; set; } = "";

    /// <summary>The tip's headline; reports have none.</summary>
    public string? Title { get; set; }

    /// <summary>What happened (tips) or what is wrong with the content (reports).</summary>
    public string Body { get; set; } = "";

    public ReportCategory? Category { get; set; }

    /// <summary>The address or article being reported.</summary>
    public string? ReportedUrl { get; set; }

    /// <summary>The county (a 县区 channel) the tip is about, if the tipster chose one.</summary>
    public int? CountyId { get; set; }

    /// <summary>Where, in the tipster's words.</summary>
    public string? Place { get; set; }

    /// <summary>When it happened, a Beijing calendar day.</summary>
    public DateOnly? OccurredOn { get; set; }

    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    public SubmissionStatus Status { get; set; }

    /// <summary>The reporter following the tip up (an account id).</summary>
    public string? AssignedToId { get; set; }

    /// <summary>The article the tip became, once published.</summary>
    public int? ArticleNumber { get; set; }

    /// <summary>What the sender sees on the status page.</summary>
    public string? PublicReply { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>When a report must be handled by; tips have no deadline.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>When it was closed or published.</summary>
    public DateTime? HandledAt { get; set; }

    public List<SubmissionAttachment> Attachments { get; set; } = [];
    public List<SubmissionEvent> Events { get; set; } = [];

    public const int TitleMaxLength = 100;
    public const int BodyMinLength = 10;
    public const int BodyMaxLength = 5000;
    public const int PlaceMaxLength = 200;
    public const int UrlMaxLength = 500;
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int EmailMaxLength = 100;
    public const int ReplyMaxLength = 2000;
    public const int ReceiptMaxLength = 20;
}

public enum SubmissionKind
{
    /// <summary>新闻爆料</summary>
    Tip = 0,
    /// <summary>违法和不良信息举报</summary>
    Report = 1,
}

public enum SubmissionStatus
{
    /// <summary>已受理</summary>
    Received = 0,
    /// <summary>已分派</summary>
    Assigned = 1,
    /// <summary>处理中</summary>
    InProgress = 2,
    /// <summary>已办结</summary>
    Closed = 3,
    /// <summary>已见报: became article N</summary>
    Published = 4,
}

public enum ReportCategory
{
    /// <summary>谣言</summary>
    Rumour = 0,
    /// <summary>色情低俗</summary>
    Vulgar = 1,
    /// <summary>暴力恐怖</summary>
    Violence = 2,
    /// <summary>侵犯权益</summary>
    Infringement = 3,
    /// <summary>违法广告</summary>
    IllegalAdvert = 4,
    /// <summary>其他</summary>
    Other = 5,
}

/// <summary>A file sent with a submission, stored under a random name outside wwwroot.</summary>
public sealed class SubmissionAttachment
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }

    /// <summary>Random file name in the attachments folder; never derived from anything the sender typed.</summary>
    public string StoredName { get; set; } = "";

    /// <summary>The sender's file name, for staff; shown encoded and used only in Content-Disposition.</summary>
    public string OriginalName { get; set; } = "";

    /// <summary>The type its first bytes prove, not the one the browser claimed.</summary>
    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    public const int OriginalNameMaxLength = 200;
}

/// <summary>One line of a submission's history: a status change or an internal note.</summary>
public sealed class SubmissionEvent
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The status it moved to; null for a note.</summary>
    public SubmissionStatus? Status { get; set; }

    /// <summary>Internal note for staff; never shown to the sender.</summary>
    public string? Note { get; set; }

    /// <summary>Who did it: an account's display name, or null for the sender.</summary>
    public string? Actor { get; set; }

    public const int NoteMaxLength = 2000;
}

public static class SubmissionLabels
{
    public static string Name(this SubmissionKind kind) => kind == SubmissionKind.Tip ? "新闻爆料" : "违法和不良信息举报";

    public static string Name(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Received => "已受理",
        SubmissionStatus.Assigned => "已分派",
        SubmissionStatus.InProgress => "处理中",
        SubmissionStatus.Closed => "已办结",
        SubmissionStatus.Published => "已刊发",
        _ => status.ToString(),
    };

    public static string Name(this ReportCategory category) => category switch
    {
        ReportCategory.Rumour => "谣言",
        ReportCategory.Vulgar => "色情低俗",
        ReportCategory.Violence => "暴力恐怖",
        ReportCategory.Infringement => "侵犯权益",
        ReportCategory.IllegalAdvert => "违法广告",
        ReportCategory.Other => "其他",
        _ => category.ToString(),
    };

    public static readonly ReportCategory[] Categories = Enum.GetValues<ReportCategory>();
}
