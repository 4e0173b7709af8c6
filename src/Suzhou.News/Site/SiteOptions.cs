using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Site;

/// <summary>Who the site is and what its footer says. Defaults live in appsettings.json.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    [Required(ErrorMessage = "Site:Name 未设置（网站名称）")]
    public string Name { get; set; } = "";

    /// <summary>The organisation behind the site, e.g. 拂晓报社.</summary>
    [Required(ErrorMessage = "Site:Publisher 未设置（主办单位）")]
    public string Publisher { get; set; } = "";

    /// <summary>Shown under the logo, e.g. 中共宿州市委机关报 拂晓报 主办.</summary>
    public string? Tagline { get; set; }

    [Required(ErrorMessage = "Site:Description 未设置（首页 meta description）")]
    public string Description { get; set; } = "";

    /// <summary>Absolute base for canonical links and feeds, e.g. https://www.example.cn. Taken from the request when empty.</summary>
    [Url(ErrorMessage = "Site:BaseUrl 必须是以 http:// 或 https:// 开头的绝对地址")]
    public string? BaseUrl { get; set; }

    [Required(ErrorMessage = "Site:ReportPhone 未设置（违法和不良信息举报电话）")]
    public string ReportPhone { get; set; } = "";

    [Required(ErrorMessage = "Site:ReportEmail 未设置（举报邮箱）")]
    [EmailAddress(ErrorMessage = "Site:ReportEmail 不是有效的邮箱地址")]
    public string ReportEmail { get; set; } = "";

    [Required(ErrorMessage = "Site:Address 未设置（通讯地址）")]
    public string Address { get; set; } = "";

    [Required(ErrorMessage = "Site:Postcode 未设置（邮政编码）")]
    [RegularExpression(@"^\d{6}$", ErrorMessage = "Site:Postcode 应为 6 位数字")]
    public string Postcode { get; set; } = "";

    /// <summary>The holder named in the 版权所有 line.</summary>
    [Required(ErrorMessage = "Site:CopyrightHolder 未设置（版权所有者）")]
    public string CopyrightHolder { get; set; } = "";

    /// <summary>The numbered notices in the footer (① our articles, ② reprints).</summary>
    [MinLength(1, ErrorMessage = "Site:Notices 至少需要一条版权声明")]
    public List<string> Notices { get; set; } = [];

    /// <summary>ICP 备案号, shown in the footer when set.</summary>
    public string? Icp { get; set; }

    /// <summary>Where the national reporting centre is (中央网信办违法和不良信息举报中心).</summary>
    [Url]
    public string NationalReportUrl { get; set; } = "https://www.12377.cn";

    [Range(5, 100, ErrorMessage = "Site:PageSize 应在 5 到 100 之间")]
    public int PageSize { get; set; } = 20;
}
