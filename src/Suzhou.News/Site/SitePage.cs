namespace Suzhou.News.Site;

/// <summary>A fixed page such as 关于我们 or 联系我们.</summary>
public sealed class SitePage
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
