using Suzhou.News.Channels;
namespace Suzhou.News.Articles;

/// <summary>A news article. <see cref="Number"/> is the public id that appears in its URL.</summary>
public sealed class Article
{
    public int Id { get; set; }

    /// <summary>Public article number, e.g. 246001 in <c>content_246001.html</c>. Survives imports.</summary>
    public int Number { get; set; }

    public string Title { get; set; } = "";

    /// <summary>引题: the line above the title.</summary>
    public string? Kicker { get; set; }

    /// <summary>副题: the line below the title.</summary>
    public string? Subtitle { get; set; }

    /// <summary>导语: one or two sentences shown in lists and at the top of the article.</summary>
    public string? Summary { get; set; }

    public string BodyMarkdown { get; set; } = "";

    /// <summary>Sanitized HTML rendered from <see cref="BodyMarkdown"/> when the article is saved.</summary>
    public string BodyHtml { get; set; } = "";

    public string BodyPlainText { get; set; } = "";

    /// <summary>Which renderer produced <see cref="BodyHtml"/>; older versions are re-rendered.</summary>
    public int RenderVersion { get; set; }

    public int ChannelId { get; set; }
    public Channel Channel { get; set; } = null!;

    /// <summary>The county (县区 sub-channel) the story is about, if any.</summary>
    public int? CountyId { get; set; }
    public Channel? County { get; set; }

    public List<ArticleTopic> Topics { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<Credit> Credits { get; set; } = [];
    public List<Correction> Corrections { get; set; } = [];

    /// <summary>责任编辑.</summary>
    public string? Editor { get; set; }

    /// <summary>来源: 拂晓报 for our own articles, or the agency / paper a reprint comes from.</summary>
    public string Source { get; set; } = DefaultSource;

    public CoverImage? Cover { get; set; }

    /// <summary>头条: the front-page headline.</summary>
    public bool IsHeadline { get; set; }

    /// <summary>推荐: listed in recommended blocks.</summary>
    public bool IsFeatured { get; set; }

    /// <summary>幻灯: shown in the picture strip (needs a cover).</summary>
    public bool IsSlideshow { get; set; }

    /// <summary>置顶: kept at the top of its channel.</summary>
    public bool IsPinned { get; set; }

    public ArticleStatus Status { get; set; }

    /// <summary>When the article goes (or went) public, UTC.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>When the article first became public, UTC. Its date is part of the URL, so it never moves.</summary>
    public DateTime? FirstPublishedAt { get; set; }

    /// <summary>Last substantive update after publishing, UTC.</summary>
    public DateTime? UpdatedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The newsroom account that created the article; null for imported articles.</summary>
    public string? AuthorId { get; set; }

    public long ViewCount { get; set; }

    /// <summary>SHA-256 of the file the article was last imported from; an unchanged file is skipped.</summary>
    public string? ImportHash { get; set; }

    /// <summary>Optimistic concurrency token, replaced on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public const string DefaultSource = "拂晓报";
    public const int TitleMaxLength = 100;
    public const int LineMaxLength = 200;
    public const int SummaryMaxLength = 500;

    /// <summary>64 hex digits of SHA-256 plus a prefix such as <c>legacy:</c> (SQLite never enforced the old 64).</summary>
    public const int ImportHashMaxLength = 80;
}

public enum ArticleStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>待审</summary>
    InReview = 1,
    /// <summary>已排期</summary>
    Scheduled = 2,
    /// <summary>已发布</summary>
    Published = 3,
    /// <summary>已撤回</summary>
    Retracted = 4,
    /// <summary>回收站: deleted from the newsroom, kept and restorable, never public.</summary>
    Deleted = 5,
}

public static class ArticleStatuses
{
    public static string Label(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "草稿",
        ArticleStatus.InReview => "待审",
        ArticleStatus.Scheduled => "已排期",
        ArticleStatus.Published => "已发布",
        ArticleStatus.Retracted => "已撤回",
        ArticleStatus.Deleted => "回收站",
        _ => status.ToString(),
    };
}

/// <summary>A cover picture with its caption and photographer.</summary>
public sealed class CoverImage
{
    /// <summary>Site-relative URL, e.g. <c>/media/gaotie-station.svg</c>.</summary>
    public string Src { get; set; } = "";
    public string Alt { get; set; } = "";
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
}

/// <summary>更正: appended after publishing, never edited away.</summary>
public sealed class Correction
{
    public DateTime At { get; set; }
    public string Reason { get; set; } = "";
}
