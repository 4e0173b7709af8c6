using System.Security.Claims;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;

namespace Suzhou.News.Newsroom;

/// <summary>Who does something to an article: a signed-in account, or the scheduler.</summary>
public sealed record Actor(string? UserId, string Name, bool CanEditAll)
{
    public static readonly Actor Scheduler = new(null, "定时发布", CanEditAll: true);

    public static Actor From(ClaimsPrincipal user) => new(user.Id(), user.DisplayName(), user.CanEditAll());

    /// <summary>Editors see every article; a reporter sees only the ones they created.</summary>
    public bool CanView(Article article) => CanEditAll || (UserId is not null && article.AuthorId == UserId);

    /// <summary>A reporter edits their own article until it is scheduled or published.</summary>
    public bool CanEdit(Article article) =>
        article.Status != ArticleStatus.Deleted
        && (CanEditAll || (CanView(article) && article.Status is ArticleStatus.Draft or ArticleStatus.InReview));
}

/// <summary>The newsroom's own queries share one visibility rule with <see cref="Actor.CanView"/>.</summary>
public static class NewsroomQueries
{
    public static IQueryable<Article> VisibleTo(this IQueryable<Article> articles, Actor actor) =>
        actor.CanEditAll ? articles : articles.Where(a => a.AuthorId == actor.UserId);
}
