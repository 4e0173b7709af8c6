using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Suzhou.News.Data;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>The seeded site on a clock the tests move by hand (<see cref="FakeTimeProvider"/>).</summary>
public sealed class ClockedNewsApp(Dictionary<string, string?>? settings = null) : NewsApp(settings)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>One seeded newsroom shared by the article tests; each test makes its own accounts and articles.</summary>
public sealed class NewsroomSite : IDisposable
{
    public ClockedNewsApp App { get; } = new();

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class NewsroomSiteCollection : ICollectionFixture<NewsroomSite>
{
    public const string Name = "Newsroom site";
}

/// <summary>Filling the article editor and reading the results back.</summary>
public static class ArticleForms
{
    public const string NewUrl = "/admin/articles/new";

    public static string EditUrl(int id) => $"/admin/articles/{id}/edit";

    public static string WorkflowUrl(int id) => $"/admin/articles/{id}/workflow";

    public static async Task<int> ChannelIdAsync(this NewsApp app, string slug = "bendi")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Channels.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
    }

    public static Dictionary<string, string> Fields(int channelId, string title, string body = "宿州市今天发布了新的公交线路。\n\n第二段**重点**内容。") => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = body,
        ["Input.ChannelId"] = channelId.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Writes a new article through the form as <paramref name="client"/>; returns its id.</summary>
    public static async Task<int> WriteAsync(this HttpClient client, NewsApp app, string title, string? body = null)
    {
        var fields = Fields(await app.ChannelIdAsync(), title);
        if (body is not null)
        {
            fields["Input.Body"] = body;
        }
        var response = await client.SubmitAsync(NewUrl, fields, "form.article-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdFrom(response);
    }

    public static int IdFrom(HttpResponseMessage response)
    {
        var path = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/articles/[0-9]+/edit$", path);
        return int.Parse(path.Split('/')[3], CultureInfo.InvariantCulture);
    }

    public static async Task<Article> ArticleAsync(this NewsApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles.AsNoTracking()
            .Include(a => a.Corrections).SingleAsync(a => a.Id == id);
    }

    public static async Task<T> QueryAsync<T>(this NewsApp app, Func<NewsDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    /// <summary>Presses a button on the editors' workflow page.</summary>
    public static Task<HttpResponseMessage> WorkflowAsync(this HttpClient client, int id, string handler, Dictionary<string, string>? fields = null) =>
        client.SubmitAsync(WorkflowUrl(id), fields ?? [], $"form[action*='handler={handler}']");

    public static async Task<string> PublicUrlAsync(this NewsApp app, int id)
    {
        var article = await app.ArticleAsync(id);
        return ArticlePath.For(article.Number, article.FirstPublishedAt!.Value);
    }
}
