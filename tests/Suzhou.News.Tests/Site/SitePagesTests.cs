namespace Suzhou.News.Tests.Site;

[Collection(SeededSiteCollection.Name)]
public sealed class SitePagesTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    public static TheoryData<string> PublicPages =>
    [
        "/", "/channel/bendi", "/channel/lingbi", "/topic", "/topic/minsheng", SeedArticles.Headline, "/about", "/contact",
        "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_page_carries_the_footer_from_site_options(string url)
    {
        var page = await Html.ParseAsync(await _reader.GetAsync(url));

        var footer = page.One("footer.site-footer");
        var notices = footer.QuerySelectorAll(".footer-notices li").Select(li => li.Text()).ToList();
        Assert.Equal(2, notices.Count);
        Assert.Contains("著作权归拂晓报社所有", notices[0]);
        Assert.Contains("转载", notices[1]);
        var text = footer.Text();
        Assert.Contains("违法和不良信息举报电话：0557—3909502", text);
        Assert.Contains("举报邮箱：zgfxnews@163.com", text);
        Assert.Matches("版权所有 © \\d{4} 拂晓报社 All Rights Reserved", text);
        Assert.Contains("本站点信息未经允许不得复制或镜像", text);
        Assert.Contains("地址：宿州市纺织路拂晓报社", text);
        Assert.Contains("邮编：234000", text);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_page_is_Chinese_with_a_title_description_and_skip_link(string url)
    {
        var page = await Html.ParseAsync(await _reader.GetAsync(url));

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.EndsWith("拂晓新闻网", page.Title);
        Assert.False(string.IsNullOrWhiteSpace(page.One("meta[name='description']").GetAttribute("content")));
        Assert.Equal("#main", page.One("a.skip-link").GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Contact_page_lists_phone_email_address_scope_and_the_national_centre()
    {
        var page = await _reader.GetPageAsync("/contact");

        var card = page.One("#report");
        var text = card.Text();
        Assert.Contains("0557—3909502", text);
        Assert.Contains("zgfxnews@163.com", text);
        Assert.Contains("宿州市纺织路拂晓报社", text);
        Assert.Contains("234000", text);
        Assert.Equal("https://www.12377.cn", card.One("a[href*='12377']").GetAttribute("href"));
        var headings = page.QuerySelectorAll(".article-body h2").Select(h => h.Text()).ToList();
        Assert.Contains(headings, h => h.StartsWith("受理范围", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith("处理流程与时限", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pictures_are_served_from_the_media_folder_never_sniffed_and_sandboxed()
    {
        var response = await _reader.GetAsync("/media/grand-canal.svg");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Files_of_other_types_in_the_media_folder_are_not_served()
    {
        await File.WriteAllTextAsync(Path.Combine(site.App.DataPath, "media", "page.html"), "<script>alert(1)</script>");

        var response = await _reader.GetAsync("/media/page.html");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task About_page_comes_from_the_content_folder()
    {
        var page = await _reader.GetPageAsync("/about");

        Assert.Equal("关于我们", page.One("h1").Text());
        Assert.Contains("拂晓报", page.One(".article-body").Text());
    }
}
