using Suzhou.News.Articles;
namespace Suzhou.News.Newsroom;

/// <summary>One workflow step: 草稿 → 待审 → 已排期 → 已发布 → 已撤回, who moved it, when, and why.</summary>
public sealed class ArticleEvent
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public ArticleStatus From { get; set; }
    public ArticleStatus To { get; set; }
    public DateTime At { get; set; }

    /// <summary>The account, or null when the scheduler did it.</summary>
    public string? UserId { get; set; }

    /// <summary>The name at the time, kept if the account is later removed.</summary>
    public string UserName { get; set; } = "";

    public string? Note { get; set; }

    public const int NoteMaxLength = 1000;
}

/// <summary>A snapshot of an article's editable fields, written on every save; restoring one writes a new one.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;

    /// <summary>1, 2, 3… per article.</summary>
    public int Sequence { get; set; }

    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>What happened: 新建, 保存, 恢复自第 N 版…</summary>
    public string Reason { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The editable fields as JSON (see <c>Newsroom.ArticleDraft</c>).</summary>
    public string Snapshot { get; set; } = "";
}
