using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Articles;
using Suzhou.News.Channels;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>Writes articles through the app's own DbContext, the way an editor's save would.</summary>
public static class TestArticles
{
    public static async Task<Article> AddAsync(NewsApp app, int number, string title, string body, DateTime publishedUtc,
        ArticleStatus status = ArticleStatus.Published, string channel = "bendi", string? kicker = null, string[]? tags = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var channelId = await db.Channels.Where(c => c.Slug == channel).Select(c => c.Id).SingleAsync();
        var article = new Article
        {
            Number = number,
            Title = title,
            Kicker = kicker,
            BodyMarkdown = body,
            BodyHtml = $"<p>{System.Net.WebUtility.HtmlEncode(body)}</p>",
            BodyPlainText = body,
            ChannelId = channelId,
            Status = status,
            PublishAt = publishedUtc,
            FirstPublishedAt = status is ArticleStatus.Published or ArticleStatus.Retracted ? publishedUtc : null,
            CreatedAt = publishedUtc,
            Credits = [new Credit { Role = CreditRole.Reporter, Name = "测试记者", Position = 0 }],
        };
        foreach (var name in tags ?? [])
        {
            article.Tags.Add(await db.Tags.FirstOrDefaultAsync(t => t.Name == name) ?? new Tag { Name = name });
        }
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    public static async Task UpdateAsync(NewsApp app, int number, Action<Article> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var article = await db.Articles.SingleAsync(a => a.Number == number);
        change(article);
        article.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
    }

    public static string Url(Article article) => ArticlePath.For(article.Number, article.FirstPublishedAt!.Value);
}
