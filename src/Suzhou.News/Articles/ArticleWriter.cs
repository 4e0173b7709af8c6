using Suzhou.News.Channels;

namespace Suzhou.News.Articles;

/// <summary>What a story says and how it is filed: every field a writer of an article sets, from any source.</summary>
public sealed record ArticleContent
{
    public required string Title { get; init; }
    public string? Kicker { get; init; }
    public string? Subtitle { get; init; }

    /// <summary>导语; when empty and <see cref="SummaryFromBody"/> is set, the first sentences of the body.</summary>
    public string? Summary { get; init; }
    public bool SummaryFromBody { get; init; }

    /// <summary>Markdown, with <c>\n</c> line ends.</summary>
    public string Body { get; init; } = "";
    public int ChannelId { get; init; }
    public int? CountyId { get; init; }
    public string? Editor { get; init; }
    public string Source { get; init; } = Article.DefaultSource;
    public CoverImage? Cover { get; init; }
    public bool IsHeadline { get; init; }
    public bool IsFeatured { get; init; }
    public bool IsSlideshow { get; init; }
    public bool IsPinned { get; init; }
    public IReadOnlyList<Credit> Credits { get; init; } = [];

    /// <summary>Tag names in order; null leaves the article's tags as they are.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>专题 ids; null leaves the article's topics as they are.</summary>
    public IReadOnlyList<int>? TopicIds { get; init; }

    /// <summary>The article's content as it stands (its tags and topics are left alone unless loaded and given).</summary>
    public static ArticleContent From(Article article) => new()
    {
        Title = article.Title,
        Kicker = article.Kicker,
        Subtitle = article.Subtitle,
        Summary = article.Summary,
        Body = article.BodyMarkdown,
        ChannelId = article.ChannelId,
        CountyId = article.CountyId,
        Editor = article.Editor,
        Source = article.Source,
        Cover = article.Cover,
        IsHeadline = article.IsHeadline,
        IsFeatured = article.IsFeatured,
        IsSlideshow = article.IsSlideshow,
        IsPinned = article.IsPinned,
        Credits = article.Credits,
    };
}

/// <summary>
/// The one writer of an article's content and rendered body: the newsroom editor, the <c>content/</c> import and the
/// legacy import all go through it, so a story reads the same whichever way it came in.
/// </summary>
public sealed class ArticleWriter(MarkdownRenderer renderer)
{
    /// <summary>
    /// Sets <paramref name="content"/> on <paramref name="article"/> and renders the body. Each caller finds tags its
    /// own way (<paramref name="tagNamed"/>): the editor from one query, an import from a cache across files.
    /// </summary>
    public void Write(Article article, ArticleContent content, Func<string, Tag> tagNamed)
    {
        article.Title = content.Title;
        article.Kicker = content.Kicker;
        article.Subtitle = content.Subtitle;
        article.BodyMarkdown = content.Body;
        var plainText = Render(article);
        article.Summary = content.Summary ?? (content.SummaryFromBody ? Summaries.FromPlainText(plainText) : null);
        article.ChannelId = content.ChannelId;
        article.CountyId = content.CountyId;
        article.Editor = content.Editor;
        article.Source = content.Source;
        article.Cover = content.Cover;
        article.IsHeadline = content.IsHeadline;
        article.IsFeatured = content.IsFeatured;
        article.IsSlideshow = content.IsSlideshow;
        article.IsPinned = content.IsPinned;
        article.Credits = [.. content.Credits];

        if (content.Tags is { } tags)
        {
            article.Tags.Clear();
            article.Tags.AddRange(tags.Select(tagNamed));
        }
        if (content.TopicIds is { } topicIds)
        {
            article.Topics.RemoveAll(t => !topicIds.Contains(t.TopicId));
            foreach (var topicId in topicIds.Distinct().Where(id => article.Topics.All(t => t.TopicId != id)))
            {
                article.Topics.Add(new ArticleTopic { TopicId = topicId });
            }
        }
    }

    /// <summary>Renders the stored Markdown into the HTML and plain text readers get; returns the plain text.</summary>
    public string Render(Article article)
    {
        var rendered = renderer.Render(article.BodyMarkdown);
        article.BodyHtml = rendered.Html;
        article.BodyPlainText = rendered.PlainText;
        article.RenderVersion = MarkdownRenderer.Version;
        return rendered.PlainText;
    }
}
