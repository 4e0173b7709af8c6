using System.Linq.Expressions;

namespace Suzhou.News.Articles;

/// <summary>An article as lists show it: title, 引题, 导语, date, channel, cover.</summary>
public sealed record ArticleListItem(
    int Number,
    string Title,
    string? Kicker,
    string? Summary,
    DateTime PublishedAt,
    int ChannelId,
    int? CountyId,
    string? CoverSrc,
    string? CoverAlt,
    int? CoverWidth,
    int? CoverHeight)
{
    public string Url => ArticlePath.For(Number, PublishedAt);

    public bool HasCover => !string.IsNullOrEmpty(CoverSrc);

    /// <summary>Selects only the columns a list needs; used with <c>AsNoTracking()</c> queries.</summary>
    public static readonly Expression<Func<Article, ArticleListItem>> Projection = a => new ArticleListItem(
        a.Number,
        a.Title,
        a.Kicker,
        a.Summary,
        a.FirstPublishedAt!.Value,
        a.ChannelId,
        a.CountyId,
        a.Cover!.Src,
        a.Cover!.Alt,
        a.Cover!.Width,
        a.Cover!.Height);
}
