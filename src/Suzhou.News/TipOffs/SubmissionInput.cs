using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Suzhou.News.Site;

namespace Suzhou.News.TipOffs;

/// <summary>Contact fields both forms share; every one optional.</summary>
public abstract class ContactInput
{
    [StringLength(Submission.NameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字")]
    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [StringLength(Submission.PhoneMaxLength, ErrorMessage = "电话不能超过 {1} 个字符")]
    [RegularExpression(@"^\+?[0-9][0-9 \-]{4,19}$", ErrorMessage = "请填写有效的电话号码，只用数字、空格或短横线")]
    [Display(Name = "电话")]
    public string? Phone { get; set; }

    [StringLength(Submission.EmailMaxLength, ErrorMessage = "邮箱不能超过 {1} 个字符")]
    [EmailAddress(ErrorMessage = "请填写有效的电子邮箱，例如 name@example.com")]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    /// <summary>A field people never see; only robots fill it in.</summary>
    public string? Homepage { get; set; }

    public bool IsRobot => !string.IsNullOrEmpty(Homepage);

    /// <summary>What annotations cannot check, as (field, message) pairs; <paramref name="countyIds"/> are the counties a tip may name.</summary>
    public abstract IEnumerable<(string Field, string Message)> Check(DateTime utcNow, IReadOnlyCollection<int> countyIds);

    public abstract Submission ToSubmission();

    protected void CopyContactTo(Submission submission)
    {
        submission.ContactName = Clean(Name);
        submission.ContactPhone = Clean(Phone);
        submission.ContactEmail = Clean(Email);
    }

    protected static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>我要爆料.</summary>
public sealed class TipInput : ContactInput
{
    [Required(ErrorMessage = "请填写标题，用一句话说明发生了什么")]
    [StringLength(Submission.TitleMaxLength, ErrorMessage = "标题不能超过 {1} 个字")]
    [Display(Name = "标题")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "请写下事情经过")]
    [StringLength(Submission.BodyMaxLength, MinimumLength = Submission.BodyMinLength, ErrorMessage = "事情经过请写 {2} 到 {1} 个字")]
    [Display(Name = "事情经过")]
    public string? Body { get; set; }

    [Display(Name = "所在县区")]
    public int? CountyId { get; set; }

    [Required(ErrorMessage = "请填写发生地点，例如街道、小区或村名")]
    [StringLength(Submission.PlaceMaxLength, ErrorMessage = "地点不能超过 {1} 个字")]
    [Display(Name = "具体地点")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "请填写发生日期")]
    [Display(Name = "发生日期")]
    public string? OccurredOn { get; set; }

    [Display(Name = "我已阅读并同意")]
    public bool Consent { get; set; }

    /// <summary>Field errors the attributes cannot see: the date, the county, the consent box.</summary>
    public override IEnumerable<(string Field, string Message)> Check(DateTime utcNow, IReadOnlyCollection<int> countyIds)
    {
        if (!string.IsNullOrWhiteSpace(OccurredOn))
        {
            if (!TryParseDay(OccurredOn, out var day))
            {
                yield return (nameof(OccurredOn), "日期格式应为 年-月-日，例如 2026-11-28");
            }
            else if (day > DateOnly.FromDateTime(BeijingTime.FromUtc(utcNow)))
            {
                yield return (nameof(OccurredOn), "发生日期不能晚于今天");
            }
            else if (day < DateOnly.FromDateTime(BeijingTime.FromUtc(utcNow)).AddYears(-10))
            {
                yield return (nameof(OccurredOn), "发生日期不能早于十年前");
            }
        }
        if (CountyId is { } county && !countyIds.Contains(county))
        {
            yield return (nameof(CountyId), "请从列表中选择县区");
        }
        if (!Consent)
        {
            yield return (nameof(Consent), "请阅读并勾选同意，我们才能受理您的爆料");
        }
    }

    static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public override Submission ToSubmission()
    {
        var submission = new Submission
        {
            Kind = SubmissionKind.Tip,
            Title = Title!.Trim(),
            Body = Body!.Trim(),
            CountyId = CountyId,
            Place = Place!.Trim(),
            OccurredOn = TryParseDay(OccurredOn ?? "", out var day) ? day : null,
        };
        CopyContactTo(submission);
        return submission;
    }
}

/// <summary>违法和不良信息举报.</summary>
public sealed class ReportInput : ContactInput
{
    [Required(ErrorMessage = "请选择举报类别")]
    [Display(Name = "举报类别")]
    public ReportCategory? Category { get; set; }

    [Required(ErrorMessage = "请填写被举报内容的网址或文章")]
    [StringLength(Submission.UrlMaxLength, ErrorMessage = "网址不能超过 {1} 个字符")]
    [Display(Name = "被举报的网址或文章")]
    public string? Url { get; set; }

    [Required(ErrorMessage = "请说明举报理由")]
    [StringLength(Submission.BodyMaxLength, MinimumLength = Submission.BodyMinLength, ErrorMessage = "举报理由请写 {2} 到 {1} 个字")]
    [Display(Name = "举报理由")]
    public string? Body { get; set; }

    public override IEnumerable<(string Field, string Message)> Check(DateTime utcNow, IReadOnlyCollection<int> countyIds)
    {
        if (Category is { } category && !Enum.IsDefined(category))
        {
            yield return (nameof(Category), "请从列表中选择举报类别");
        }
        if (!string.IsNullOrWhiteSpace(Url) && !IsAcceptedUrl(Url.Trim()))
        {
            yield return (nameof(Url), "请填写以 http:// 或 https:// 开头的网址，或本站文章地址（以 / 开头）");
        }
    }

    /// <summary>An http(s) address or a path on this site; anything else (javascript:, data:) is refused.</summary>
    public static bool IsAcceptedUrl(string text) =>
        (text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    public override Submission ToSubmission()
    {
        var submission = new Submission
        {
            Kind = SubmissionKind.Report,
            Category = Category,
            ReportedUrl = Url!.Trim(),
            Body = Body!.Trim(),
        };
        CopyContactTo(submission);
        return submission;
    }
}
