using System.ComponentModel.DataAnnotations;
using Suzhou.News.Articles;
using Suzhou.News.Channels;

namespace Suzhou.News.Newsroom;

/// <summary>
/// An article's editable fields as the editor form posts them, and as a revision stores them (JSON).
/// Names, tags and credits are typed as text (separated by spaces, commas or 、) so nothing typed is lost.
/// </summary>
public sealed class ArticleDraft
{
    [StringLength(Article.LineMaxLength, ErrorMessage = "引题不能超过 {1} 个字")]
    [Display(Name = "引题")]
    public string? Kicker { get; set; }

    [Required(ErrorMessage = "请填写标题")]
    [StringLength(Article.TitleMaxLength, ErrorMessage = "标题不能超过 {1} 个字")]
    [Display(Name = "标题")]
    public string Title { get; set; } = "";

    [StringLength(Article.LineMaxLength, ErrorMessage = "副题不能超过 {1} 个字")]
    [Display(Name = "副题")]
    public string? Subtitle { get; set; }

    [StringLength(Article.SummaryMaxLength, ErrorMessage = "导语不能超过 {1} 个字")]
    [Display(Name = "导语")]
    public string? Summary { get; set; }

    [StringLength(BodyMaxLength, ErrorMessage = "正文不能超过 {1} 个字符")]
    [Display(Name = "正文（Markdown）")]
    public string? Body { get; set; }

    [Required(ErrorMessage = "请选择栏目")]
    [Display(Name = "栏目")]
    public int? ChannelId { get; set; }

    [Display(Name = "县区")]
    public int? CountyId { get; set; }

    [Display(Name = "专题")]
    public List<int> TopicIds { get; set; } = [];

    [StringLength(400, ErrorMessage = "标签总长不能超过 {1} 个字")]
    [Display(Name = "标签")]
    public string? Tags { get; set; }

    [StringLength(200, ErrorMessage = "记者姓名总长不能超过 {1} 个字")]
    [Display(Name = "记者")]
    public string? Reporters { get; set; }

    [StringLength(200, ErrorMessage = "通讯员姓名总长不能超过 {1} 个字")]
    [Display(Name = "通讯员")]
    public string? Correspondents { get; set; }

    [StringLength(200, ErrorMessage = "摄影姓名总长不能超过 {1} 个字")]
    [Display(Name = "摄影")]
    public string? Photographers { get; set; }

    [StringLength(200, ErrorMessage = "实习生姓名总长不能超过 {1} 个字")]
    [Display(Name = "实习生")]
    public string? Interns { get; set; }

    [StringLength(50, ErrorMessage = "责任编辑不能超过 {1} 个字")]
    [Display(Name = "责任编辑")]
    public string? Editor { get; set; }

    [StringLength(50, ErrorMessage = "来源不能超过 {1} 个字")]
    [Display(Name = "来源")]
    public string? Source { get; set; }

    [StringLength(300, ErrorMessage = "封面图片路径不能超过 {1} 个字符")]
    [RegularExpression(@"^/media/[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "封面图片应为媒体库中的路径，例如 /media/gaotie-station.svg")]
    [Display(Name = "封面图片路径")]
    public string? CoverSrc { get; set; }

    [StringLength(200, ErrorMessage = "替代文字不能超过 {1} 个字")]
    [Display(Name = "封面替代文字")]
    public string? CoverAlt { get; set; }

    [StringLength(300, ErrorMessage = "图片说明不能超过 {1} 个字")]
    [Display(Name = "封面图片说明")]
    public string? CoverCaption { get; set; }

    [StringLength(50, ErrorMessage = "摄影者不能超过 {1} 个字")]
    [Display(Name = "封面摄影")]
    public string? CoverCredit { get; set; }

    [Display(Name = "头条")]
    public bool IsHeadline { get; set; }

    [Display(Name = "推荐")]
    public bool IsFeatured { get; set; }

    [Display(Name = "幻灯")]
    public bool IsSlideshow { get; set; }

    [Display(Name = "置顶")]
    public bool IsPinned { get; set; }

    public const int BodyMaxLength = 200_000;
    public const int MaxTags = 20;

    static readonly char[] Separators = [' ', ',', '，', '、', ';', '；', '\n', '\r', '\t', '\u3000'];

    /// <summary>Splits names or tags typed in one box; keeps their order, drops repeats.</summary>
    public static List<string> SplitList(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    public string? CreditText(CreditRole role) => role switch
    {
        CreditRole.Reporter => Reporters,
        CreditRole.Correspondent => Correspondents,
        CreditRole.Photographer => Photographers,
        _ => Interns,
    };

    public List<Credit> ToCredits()
    {
        var credits = new List<Credit>();
        foreach (var role in CreditRoles.PrintOrder)
        {
            var names = SplitList(CreditText(role));
            credits.AddRange(names.Select((name, i) => new Credit { Role = role, Name = name, Position = i }));
        }
        return credits;
    }

    public CoverImage? ToCover() => string.IsNullOrWhiteSpace(CoverSrc)
        ? null
        : new CoverImage { Src = CoverSrc.Trim(), Alt = CoverAlt?.Trim() ?? "", Caption = Blank(CoverCaption), Credit = Blank(CoverCredit) };

    /// <summary>The form as article content; a story filed in a county channel is tagged with that county too.</summary>
    public ArticleContent ToContent(ChannelCatalog.Snapshot channels) => new()
    {
        Title = Title.Trim(),
        Kicker = Blank(Kicker),
        Subtitle = Blank(Subtitle),
        Summary = Blank(Summary),
        Body = (Body ?? "").ReplaceLineEndings("\n"),
        ChannelId = ChannelId ?? 0,
        CountyId = CountyId ?? (channels.ById(ChannelId) is { Kind: ChannelKind.County } county ? county.Id : null),
        Editor = Blank(Editor),
        Source = Blank(Source) ?? Article.DefaultSource,
        Cover = ToCover(),
        IsHeadline = IsHeadline,
        IsFeatured = IsFeatured,
        IsSlideshow = IsSlideshow,
        IsPinned = IsPinned,
        Credits = ToCredits(),
        Tags = SplitList(Tags),
        TopicIds = [.. TopicIds.Distinct()],
    };

    /// <summary>The form as it would be filled for <paramref name="article"/> (tags, topics and credits loaded).</summary>
    public static ArticleDraft From(Article article)
    {
        string Names(CreditRole role) => string.Join(" ", article.Credits.Where(c => c.Role == role).OrderBy(c => c.Position).Select(c => c.Name));
        return new ArticleDraft
        {
            Kicker = article.Kicker,
            Title = article.Title,
            Subtitle = article.Subtitle,
            Summary = article.Summary,
            Body = article.BodyMarkdown,
            ChannelId = article.ChannelId,
            CountyId = article.CountyId,
            TopicIds = article.Topics.Select(t => t.TopicId).Order().ToList(),
            Tags = string.Join("、", article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
            Reporters = Names(CreditRole.Reporter),
            Correspondents = Names(CreditRole.Correspondent),
            Photographers = Names(CreditRole.Photographer),
            Interns = Names(CreditRole.Intern),
            Editor = article.Editor,
            Source = article.Source,
            CoverSrc = article.Cover?.Src,
            CoverAlt = article.Cover?.Alt,
            CoverCaption = article.Cover?.Caption,
            CoverCredit = article.Cover?.Credit,
            IsHeadline = article.IsHeadline,
            IsFeatured = article.IsFeatured,
            IsSlideshow = article.IsSlideshow,
            IsPinned = article.IsPinned,
        };
    }

    /// <summary>Reporters may not set flags; their save keeps what an editor chose.</summary>
    public void KeepFlagsOf(ArticleDraft current)
    {
        IsHeadline = current.IsHeadline;
        IsFeatured = current.IsFeatured;
        IsSlideshow = current.IsSlideshow;
        IsPinned = current.IsPinned;
    }

    /// <summary>The fields as labelled lines, for side-by-side comparison of two versions.</summary>
    public string ToComparableText(Func<int?, string> channelName, Func<int, string> topicName)
    {
        var lines = new List<string>
        {
            $"引题：{Kicker}",
            $"标题：{Title}",
            $"副题：{Subtitle}",
            $"导语：{Summary}",
            $"栏目：{channelName(ChannelId)}",
            $"县区：{channelName(CountyId)}",
            $"专题：{string.Join("、", TopicIds.Select(topicName))}",
            $"标签：{Tags}",
            $"记者：{Reporters}",
            $"通讯员：{Correspondents}",
            $"摄影：{Photographers}",
            $"实习生：{Interns}",
            $"责任编辑：{Editor}",
            $"来源：{(string.IsNullOrWhiteSpace(Source) ? Article.DefaultSource : Source.Trim())}",
            $"封面：{CoverSrc} {CoverAlt} {CoverCaption} {CoverCredit}".TrimEnd(),
            $"标记：{Flags()}",
            "——正文——",
        };
        return string.Join('\n', lines) + "\n" + (Body ?? "").ReplaceLineEndings("\n");
    }

    public string Flags() => string.Join(" ", new[] { (IsHeadline, "头条"), (IsFeatured, "推荐"), (IsSlideshow, "幻灯"), (IsPinned, "置顶") }
        .Where(f => f.Item1).Select(f => f.Item2));

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
