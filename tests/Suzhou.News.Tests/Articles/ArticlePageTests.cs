using System.Net;

namespace Suzhou.News.Tests.Articles;

[Collection(SeededSiteCollection.Name)]
public sealed class ArticlePageTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    [Fact]
    public async Task Article_shows_title_meta_line_cover_body_and_print_byline()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);

        Assert.Equal("宿州东站12月起新增4对直达上海虹桥高铁", page.One("h1").Text());
        var meta = page.One(".article-meta").Text();
        Assert.Contains("发布时间：2026-11-28 08:30", meta);
        Assert.Contains("来源：拂晓报", meta);
        Assert.Matches("作者：\\S+", meta);
        Assert.Matches("责任编辑：\\S+", meta);

        var cover = page.One(".article-cover img");
        Assert.StartsWith("/media/", cover.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(cover.GetAttribute("alt")));
        Assert.Equal("1200", cover.GetAttribute("width"));
        Assert.NotEmpty(page.One(".article-cover figcaption").Text());

        Assert.True(page.QuerySelectorAll(".article-body p").Length >= 3);
        Assert.NotNull(page.QuerySelector(".article-body .table-wrap table"));
        Assert.Matches("^■ 记者 \\S+", page.One(".byline").Text());
    }

    [Fact]
    public async Task Reprint_names_its_source()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Reprint);

        Assert.Contains("来源：新华社", page.One(".article-meta").Text());
    }

    [Fact]
    public async Task Corrected_article_shows_the_correction_with_its_time_and_the_update_time()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Corrected);

        var corrections = page.One(".corrections");
        Assert.Equal("更正", corrections.QuerySelector("h2")!.Text());
        Assert.Contains("2026-11-22 15:20", corrections.Text());
        Assert.Contains("应为", corrections.Text());
        Assert.Contains("更新时间：", page.One(".article-updated").Text());
    }

    [Fact]
    public async Task Article_links_to_previous_and_next_in_its_channel_related_stories_and_the_report_page()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Corrected);

        var prevNext = page.One(".prev-next");
        Assert.Contains("上一篇：", prevNext.Text());
        Assert.Contains("下一篇：", prevNext.Text());
        Assert.NotNull(prevNext.QuerySelector("a[rel='prev'], a[rel='next']"));
        Assert.NotEmpty(page.QuerySelectorAll(".related li a"));
        Assert.DoesNotContain(page.QuerySelectorAll(".related li a"), a => a.GetAttribute("href") == SeedArticles.Corrected);
        Assert.Equal("/reports/new?url=" + Uri.EscapeDataString(SeedArticles.Corrected), page.One("a.report-link").GetAttribute("href"));
    }

    [Fact]
    public async Task Related_stories_start_with_those_sharing_a_topic()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);
        Assert.Contains("/topic/changsanjiao", page.QuerySelectorAll(".article-tags a").Select(a => a.GetAttribute("href")));

        var firstRelated = page.One(".related li a").GetAttribute("href")!;
        var related = await _reader.GetPageAsync(firstRelated);

        Assert.Contains("/topic/changsanjiao", related.QuerySelectorAll(".article-tags a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Article_has_title_description_and_canonical_link()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);

        Assert.Equal("宿州东站12月起新增4对直达上海虹桥高铁 - 拂晓新闻网", page.Title);
        Assert.False(string.IsNullOrWhiteSpace(page.One("meta[name='description']").GetAttribute("content")));
        Assert.EndsWith(SeedArticles.Headline, page.One("link[rel='canonical']").GetAttribute("href"));
        Assert.StartsWith("http", page.One("link[rel='canonical']").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/xw/content/2026-11/27/content_246001.html")]
    [InlineData("/xw/content/2025-01/01/content_246001.html")]
    [InlineData("/sz/content/2026-11/28/content_246001.html")]
    [InlineData("/xw/content/whatever/99/content_246001.html")]
    public async Task Wrong_date_or_prefix_for_a_real_number_redirects_permanently(string url)
    {
        var response = await _reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(SeedArticles.Headline, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/xw/content/2026-11/28/content_999999.html")]
    [InlineData("/xw/content/2026-11/28/content_0.html")]
    [InlineData("/xw/content/2026-11/28/content_-5.html")]
    [InlineData("/xw/content/2026-11/28/content_abc.html")]
    [InlineData("/xw/content/2026-11/28/content_99999999999999.html")]
    [InlineData("/xw/content/2026-11/28/content_246001.htm")]
    public async Task Unknown_or_malformed_article_numbers_get_the_Chinese_404_page(string url)
    {
        var response = await _reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("页面没有找到", page.One("h1").Text());
        Assert.NotNull(page.QuerySelector(".channel-nav"));
        Assert.NotNull(page.QuerySelector(".site-footer"));
    }

    [Fact]
    public async Task Text_size_link_sets_a_cookie_and_returns_to_the_article()
    {
        var page = await _reader.GetPageAsync(SeedArticles.Headline);
        var large = page.One(".text-size a[aria-label='字号大']").GetAttribute("href")!;

        var response = await _reader.GetAsync(large);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SeedArticles.Headline, response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("text-size=l", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var request = new HttpRequestMessage(HttpMethod.Get, SeedArticles.Headline);
        request.Headers.Add("Cookie", "text-size=l");
        var withCookie = await Html.ParseAsync(await _reader.SendAsync(request));
        Assert.Equal("text-l", withCookie.Body!.ClassName);
        Assert.Equal("true", withCookie.One(".text-size a[aria-label='字号大']").GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Text_size_link_never_redirects_off_site(string returnUrl)
    {
        var response = await _reader.GetAsync("/prefs/text-size/l?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
