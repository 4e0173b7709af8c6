using System.Net;

namespace Suzhou.News.Tests.Chinese;

/// <summary>The 繁體 twin of every public page under /zh-hant, the 简/繁 switch and its cookie.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class TraditionalPagesTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    public static TheoryData<string> PublicPages =>
    [
        "/", "/channel/bendi", "/channel/lingbi", "/topic", "/topic/minsheng", SeedArticles.Headline, "/about", "/contact",
    ];

    static string Hant(string path) => path == "/" ? "/zh-hant/" : "/zh-hant" + path;

    [Fact]
    public async Task Traditional_front_page_is_converted_on_the_server_and_marked_zh_Hant()
    {
        var response = await _reader.GetAsync("/zh-hant/");
        var page = await Html.ParseAsync(response);

        Assert.Equal("zh-Hant", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("拂曉新聞網", page.Title);
        Assert.Contains("報道宿州本地、埇橋區、碭山縣", page.One("meta[name=description]").GetAttribute("content"));
        Assert.Equal("欄目導航", page.One("nav.channel-nav").GetAttribute("aria-label"));
        Assert.Contains("違法和不良信息舉報電話", page.One("footer").Text());
        Assert.Equal("拂曉新聞網", page.One(".logo img").GetAttribute("alt"));
        Assert.Equal("zgfxnews@163.com", page.One("footer a[href^='mailto:']").Text()); // Latin text untouched
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src")?.StartsWith("/zh-hant", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Links_on_a_traditional_page_stay_in_traditional_and_assets_do_not()
    {
        var page = await _reader.GetPageAsync("/zh-hant/");

        var channelLinks = page.QuerySelectorAll("nav.channel-nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(channelLinks);
        Assert.All(channelLinks, href => Assert.StartsWith("/zh-hant/", href));
        Assert.All(page.QuerySelectorAll("main a[href^='/xw/']"), a => Assert.Fail("untranslated article link " + a.GetAttribute("href")));
        Assert.StartsWith("/css/site.", page.One("link[rel=stylesheet]").GetAttribute("href"));
        Assert.StartsWith("/img/logo.", page.One(".logo img").GetAttribute("src"));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Both_variants_carry_hreflang_pairs_and_a_canonical_pointing_to_themselves(string path)
    {
        foreach (var (url, lang) in new[] { (path, "zh-CN"), (Hant(path), "zh-Hant") })
        {
            var page = await _reader.GetPageAsync(url);

            Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
                .ToDictionary(l => l.GetAttribute("hreflang")!, l => new Uri(l.GetAttribute("href")!).PathAndQuery);
            Assert.Equal(path, alternates["zh-Hans"]);
            Assert.Equal(Hant(path), alternates["zh-Hant"]);
            Assert.Equal(path, alternates["x-default"]);
            if (page.QuerySelector("link[rel=canonical]") is { } canonical)
            {
                Assert.Equal(url, new Uri(canonical.GetAttribute("href")!).PathAndQuery);
            }
        }
    }

    [Fact]
    public async Task Article_reads_in_traditional_with_phrase_conversion()
    {
        var page = await _reader.GetPageAsync("/zh-hant/xw/content/2026-11/25/content_246005.html");

        Assert.Contains("碭山", page.One("h1").Text() + page.One(".article-body").Text());
        Assert.Contains("發佈時間", page.One(".article-meta").Text());
        Assert.Contains("梨樹葉子已經落盡", page.One(".article-body").Text());
    }

    [Fact]
    public async Task Script_switch_remembers_the_choice_and_returns_to_the_same_page()
    {
        var toHant = await _reader.GetAsync("/prefs/script/hant?returnUrl=%2Fchannel%2Fbendi%3Fpage%3D2");
        Assert.Equal(HttpStatusCode.Redirect, toHant.StatusCode);
        Assert.Equal("/zh-hant/channel/bendi?page=2", toHant.Headers.Location!.OriginalString);
        Assert.Contains(toHant.Headers.GetValues("Set-Cookie"), c => c.StartsWith("script=hant;", StringComparison.Ordinal));

        var toHans = await _reader.GetAsync("/zh-hant/prefs/script/hans?returnUrl=%2Fchannel%2Fbendi");
        Assert.Equal("/channel/bendi", toHans.Headers.Location!.OriginalString);
        Assert.Contains(toHans.Headers.GetValues("Set-Cookie"), c => c.StartsWith("script=hans;", StringComparison.Ordinal));

        var external = await _reader.GetAsync("/prefs/script/hant?returnUrl=%2F%2Fevil.example");
        Assert.Equal("/zh-hant/", external.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Switch_links_in_the_header_point_at_the_current_page()
    {
        var page = await _reader.GetPageAsync("/zh-hant/about");

        var links = page.QuerySelectorAll(".script-switch a").ToList();
        Assert.Equal(["/prefs/script/hans?returnUrl=%2Fabout", "/prefs/script/hant?returnUrl=%2Fabout"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("true", links[1].GetAttribute("aria-current"));
        Assert.Equal("zh-Hant", links[1].GetAttribute("lang"));
    }

    [Fact]
    public async Task Front_page_takes_a_reader_who_chose_traditional_to_the_traditional_front_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "script=hant");
        var response = await _reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/zh-hant/", response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/")).StatusCode); // no cookie: Simplified
    }

    [Fact]
    public async Task Reader_settings_on_a_traditional_page_come_back_to_the_traditional_page()
    {
        var response = await _reader.GetAsync("/zh-hant/prefs/text-size/l?returnUrl=%2Fabout");

        Assert.Equal("/zh-hant/about", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Redirects_of_a_traditional_page_stay_in_traditional()
    {
        var response = await _reader.GetAsync("/zh-hant/xw/content/2020-01/01/content_246001.html");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Hant(SeedArticles.Headline), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_traditional_page_answers_the_404_page_in_traditional()
    {
        var response = await _reader.GetAsync("/zh-hant/no-such-page");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("頁面沒有找到", page.One("h1").Text());
    }

    [Fact]
    public async Task Newsroom_is_never_converted()
    {
        var response = await _reader.GetAsync("/zh-hant/admin/articles?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/articles?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Bare_prefix_redirects_to_the_traditional_front_page()
    {
        var response = await _reader.GetAsync("/zh-hant");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/zh-hant/", response.Headers.Location!.OriginalString);
    }
}

public sealed class TraditionalPagesOffTests
{
    [Fact]
    public async Task Turned_off_there_are_no_traditional_pages_and_no_links_to_them()
    {
        using var app = new NewsApp(new() { ["Chinese:TraditionalPages"] = "false" });
        var reader = app.CreateReader();

        var page = await reader.GetPageAsync("/about");
        Assert.Empty(page.QuerySelectorAll("link[hreflang]"));
        Assert.Null(page.QuerySelector(".script-switch"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/zh-hant/about")).StatusCode);
    }
}
