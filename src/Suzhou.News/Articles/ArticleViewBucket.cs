namespace Suzhou.News.Articles;

/// <summary>How often an article was read in one hour (UTC hours since 1970); feeds the 24-hour and 7-day 排行.</summary>
public sealed class ArticleViewBucket
{
    public int ArticleId { get; set; }
    public int Hour { get; set; }
    public int Count { get; set; }
}
