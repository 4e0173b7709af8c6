using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Articles;

[Collection(SeededSiteCollection.Name)]
public sealed class ArticleMetadataTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    static JsonElement JsonLd(AngleSharp.Html.Dom.IHtmlDocument page, string type) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == type);

    [Fact]
    public async Task Article_carries_NewsArticle_json_ld_with_dates_authors_publisher_and_section()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);
        var article = JsonLd(page, "NewsArticle");

        Assert.Equal(page.One("h1").Text(), article.GetProperty("headline").GetString());
        Assert.Equal("2026-11-28T08:30:00+08:00", article.GetProperty("datePublished").GetString());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("dateModified").GetString()));
        var authors = article.GetProperty("author").EnumerateArray().ToList();
        Assert.NotEmpty(authors);
        Assert.All(authors, a => Assert.Equal("Person", a.GetProperty("@type").GetString()));
        Assert.Contains(authors, a => page.One(".byline").Text().Contains(a.GetProperty("name").GetString()!, StringComparison.Ordinal));
        Assert.Equal("拂晓报社", article.GetProperty("publisher").GetProperty("name").GetString());
        Assert.EndsWith("/img/logo.svg", article.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
        Assert.EndsWith("/media/gaotie-station.svg", article.GetProperty("image")[0].GetString());
        Assert.Equal("要闻", article.GetProperty("articleSection").GetString());
        Assert.EndsWith(SeedArticles.Headline, article.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Corrections_appear_as_correction_comments_and_the_update_as_dateModified()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Corrected);
        var article = JsonLd(page, "NewsArticle");

        var correction = Assert.Single(article.GetProperty("correction").EnumerateArray());
        Assert.Equal("CorrectionComment", correction.GetProperty("@type").GetString());
        Assert.Contains("应为", correction.GetProperty("text").GetString());
        Assert.StartsWith("2026-11-22T15:20", correction.GetProperty("datePublished").GetString());
        Assert.NotEqual(article.GetProperty("datePublished").GetString(), article.GetProperty("dateModified").GetString());
    }

    [Fact]
    public async Task Breadcrumbs_open_graph_and_twitter_tags_describe_the_article()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);

        var crumbs = JsonLd(page, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal("首页", crumbs[0].GetProperty("name").GetString());
        Assert.Equal(page.One("h1").Text(), crumbs[^1].GetProperty("name").GetString());
        Assert.Equal(Enumerable.Range(1, crumbs.Count), crumbs.Select(c => c.GetProperty("position").GetInt32()));

        string Meta(string selector) => page.One(selector).GetAttribute("content")!;
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal(page.One("h1").Text(), Meta("meta[property='og:title']"));
        Assert.Equal(page.One("link[rel='canonical']").GetAttribute("href"), Meta("meta[property='og:url']"));
        Assert.StartsWith("http", Meta("meta[property='og:image']"));
        Assert.Equal("summary_large_image", Meta("meta[name='twitter:card']"));
    }

    [Fact]
    public async Task Share_box_shows_the_link_without_javascript_and_a_qr_code_of_this_article()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);

        var link = page.One(".share input[readonly]");
        Assert.EndsWith(SeedArticles.Headline, link.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector($"label[for='{link.Id}']"));
        Assert.True(page.One("[data-copy-link]").HasAttribute("hidden"));
        var qr = page.One(".share-qr img").GetAttribute("src")!;
        Assert.Equal("/qr/246001.svg", qr);

        var response = await _reader.GetAsync(qr);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/qr/999999999.svg")]
    [InlineData("/qr/0.svg")]
    [InlineData("/qr?u=https://evil.example/")]
    [InlineData("/qr/abc.svg")]
    public async Task Qr_codes_exist_only_for_published_articles(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync(url)).StatusCode);
    }
}

/// <summary>View counting on its own site: flushes are driven by the test, not the timer.</summary>
public sealed class ViewCountTests : IDisposable
{
    readonly NewsApp _app = new(new() { ["Reading:FlushSeconds"] = "3600", ["Reading:MostReadCacheSeconds"] = "0" });

    public void Dispose() => _app.Dispose();

    HttpClient Client(string userAgent)
    {
        var client = _app.CreateReader();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    async Task<long> StoredViewsAsync(int number)
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles
            .Where(a => a.Number == number).Select(a => a.ViewCount).SingleAsync();
    }

    [Fact]
    public async Task Concurrent_reader_views_are_all_counted_after_a_flush_and_crawlers_are_not()
    {
        var reader = Client("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0");
        var crawler = Client("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)");
        var readerViews = Enumerable.Range(0, 60).Select(_ => reader.GetAsync(SeedArticles.Reprint));
        var crawlerViews = Enumerable.Range(0, 10).Select(_ => crawler.GetAsync(SeedArticles.Reprint));
        var missing = Enumerable.Range(0, 5).Select(_ => reader.GetAsync("/xw/content/2026-11/26/content_1.html"));
        var responses = await Task.WhenAll(readerViews.Concat(crawlerViews).Concat(missing));
        Assert.Equal(70, responses.Count(r => r.StatusCode == HttpStatusCode.OK));

        Assert.Equal(0, await StoredViewsAsync(246004)); // nothing written per request
        await _app.Services.GetRequiredService<ViewCounter>().FlushAsync();

        // Counted although all but the first view came from the output cache.
        Assert.Equal(60, await StoredViewsAsync(246004));
        // The figure on the page is as fresh as the cached page; a change to the article refreshes it.
        await _app.Services.GetRequiredService<Suzhou.News.Site.PublicCache>().ArticleChangedAsync(246004);
        var page = await reader.GetPageAsync(SeedArticles.Reprint);
        Assert.Equal("阅读：60", page.One(".view-count").Text());
    }

    [Fact]
    public async Task Most_read_block_ranks_articles_by_recent_views_on_home_and_channel_pages()
    {
        var reader = Client("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0");
        for (var i = 0; i < 3; i++)
        {
            await reader.GetAsync(SeedArticles.Headline);
        }
        await reader.GetAsync(SeedArticles.Corrected);
        await _app.Services.GetRequiredService<ViewCounter>().FlushAsync();

        var home = await reader.GetPageAsync("/");
        var lists = home.QuerySelectorAll(".most-read ol");
        Assert.Equal(2, lists.Length); // 24 小时 and 7 天
        var day = lists[0].QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([SeedArticles.Headline, SeedArticles.Corrected], day);

        var channel = await reader.GetPageAsync("/channel/yaowen");
        Assert.Contains("要闻排行", channel.One(".most-read h2").Text());
        Assert.Equal(SeedArticles.Headline, channel.One(".most-read ol a").GetAttribute("href"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    [InlineData("Sogou web spider/4.0", true)]
    [InlineData("curl/8.5.0", true)]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36", false)]
    public void Crawlers_scripts_and_empty_user_agents_are_bots(string? userAgent, bool isBot) =>
        Assert.Equal(isBot, ViewCounter.IsBot(userAgent));
}
