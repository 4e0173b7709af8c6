using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Tests.Site;

/// <summary>Public pages come from the output cache, vary only by what changes them, and leave it when content changes.</summary>
public sealed class OutputCacheTests : IDisposable
{
    readonly NewsApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_repeat_visit_to_the_home_page_is_served_from_the_cache()
    {
        var client = _app.CreateReader();

        var first = await client.GetAsync("/");
        var second = await client.GetAsync("/");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reader_with_the_page_already_gets_304_not_modified()
    {
        var client = _app.CreateReader();
        var first = await client.GetAsync(SeedArticles.Headline);
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, SeedArticles.Headline);
        again.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Different_pages_have_different_etags_and_the_same_page_keeps_its_own()
    {
        var client = _app.CreateReader();
        var bendi = (await client.GetAsync("/channel/bendi")).Headers.ETag!;

        var shehui = (await client.GetAsync("/channel/shehui")).Headers.ETag!;
        var bendiAgain = (await client.GetAsync("/channel/bendi")).Headers.ETag!;

        Assert.NotEqual(bendi.Tag, shehui.Tag);
        Assert.Equal(bendi.Tag, bendiAgain.Tag);
    }

    [Fact]
    public async Task Text_size_readers_get_their_own_copy_not_someone_elses()
    {
        var medium = await _app.CreateReader().GetPageAsync(SeedArticles.Headline);
        var large = _app.CreateReader();
        large.DefaultRequestHeaders.Add("Cookie", "text-size=l");

        var page = await large.GetPageAsync(SeedArticles.Headline);

        Assert.Contains("text-m", medium.Body!.ClassName);
        Assert.Contains("text-l", page.Body!.ClassName);
    }

    [Fact]
    public async Task Traditional_and_simplified_pages_are_cached_apart_and_the_cache_holds_the_converted_page()
    {
        var client = _app.CreateReader();

        var traditional = await client.GetPageAsync("/zh-hant" + SeedArticles.Headline);
        var simplified = await client.GetPageAsync(SeedArticles.Headline);
        var traditionalAgain = await client.GetAsync("/zh-hant" + SeedArticles.Headline);

        Assert.Equal("zh-Hant", traditional.DocumentElement.GetAttribute("lang"));
        Assert.Equal("zh-CN", simplified.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(traditionalAgain.Headers.Age);
        Assert.Equal(traditional.Title, (await Html.ParseAsync(traditionalAgain)).Title);
    }

    [Fact]
    public async Task A_published_change_shows_on_the_next_request_after_eviction()
    {
        var client = _app.CreateReader();
        await client.GetAsync("/"); // now cached
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var headline = await db.Articles.SingleAsync(a => a.Number == 246001);
            headline.Title = "缓存驱逐测试：新的头条标题";
            await db.SaveChangesAsync();
        }

        var stale = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        await _app.Services.GetRequiredService<PublicCache>().ArticleChangedAsync(246001);
        var fresh = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("缓存驱逐测试", stale); // proves the page was cached
        Assert.Contains("缓存驱逐测试", fresh);
    }

    [Fact]
    public async Task Newsroom_pages_with_forms_are_never_cached()
    {
        var client = _app.CreateReader();

        await client.GetAsync("/admin/account/login");
        var second = await client.GetAsync("/admin/account/login");

        Assert.Null(second.Headers.Age);
        Assert.Contains("no-store", second.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Error_pages_are_not_cached_as_pages()
    {
        var client = _app.CreateReader();

        await client.GetAsync("/channel/no-such-channel");
        var second = await client.GetAsync("/channel/no-such-channel");

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
