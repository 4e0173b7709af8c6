using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>A seeded site with small sitemap pages and a fixed base URL, plus one story from an hour ago.</summary>
public sealed class FeedSite : IAsyncLifetime
{
    public const int SitemapPageSize = 7;
    public const string BaseUrl = "https://news.example.cn";

    public NewsApp App { get; } = new(new()
    {
        ["Feeds:SitemapPageSize"] = SitemapPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Site:BaseUrl"] = BaseUrl,
    });

    public string FreshUrl { get; private set; } = "";
    public string OldUrl { get; private set; } = "";
    public string RetractedUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _ = App.Server;
        FreshUrl = TestArticles.Url(await TestArticles.AddAsync(App, 980001, "一小时前的快讯", "正文。", DateTime.UtcNow.AddHours(-1)));
        OldUrl = TestArticles.Url(await TestArticles.AddAsync(App, 980002, "三天前的消息", "正文。", DateTime.UtcNow.AddDays(-3)));
        RetractedUrl = TestArticles.Url(await TestArticles.AddAsync(App, 980003, "已撤回的稿件", "正文。", DateTime.UtcNow.AddHours(-2), ArticleStatus.Retracted));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
