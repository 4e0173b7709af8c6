using System.Linq.Expressions;

namespace Suzhou.News.Articles;

/// <summary>The filters every public page shares: only published articles, newest first.</summary>
public static class PublicArticles
{
    /// <summary>Published and not retracted. Drafts, scheduled and retracted articles never reach a reader.</summary>
    public static readonly Expression<Func<Article, bool>> IsPublic =
        a => a.Status == ArticleStatus.Published && a.FirstPublishedAt != null;

    public static IQueryable<Article> Public(this IQueryable<Article> articles) => articles.Where(IsPublic);

    public static IQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Number);

    /// <summary>Articles filed in any of the channels or about any of the counties.</summary>
    public static IQueryable<Article> InChannels(this IQueryable<Article> articles, IReadOnlyCollection<int> channelIds) =>
        articles.Where(a => channelIds.Contains(a.ChannelId) || (a.CountyId != null && channelIds.Contains(a.CountyId.Value)));
}
