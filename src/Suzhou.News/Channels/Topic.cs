using Suzhou.News.Articles;
namespace Suzhou.News.Channels;

/// <summary>专题: a curated, ordered collection of articles with an introduction.</summary>
public sealed class Topic
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string IntroMarkdown { get; set; } = "";
    public string IntroHtml { get; set; } = "";
    public CoverImage? Cover { get; set; }
    public int Position { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ArticleTopic> Articles { get; set; } = [];
}

/// <summary>An article's place in a topic; lower positions come first, then newer articles.</summary>
public sealed class ArticleTopic
{
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
    public int Position { get; set; }
}
