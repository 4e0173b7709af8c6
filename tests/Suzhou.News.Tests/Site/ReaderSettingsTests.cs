using System.Net;

namespace Suzhou.News.Tests.Site;

/// <summary>字号, 高对比度 and 简洁模式: links that set a cookie, no JavaScript, applied by classes on the page.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class ReaderSettingsTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    async Task<AngleSharp.Html.Dom.IHtmlDocument> GetWithCookieAsync(string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await Html.ParseAsync(await _reader.SendAsync(request));
    }

    [Theory]
    [InlineData("contrast", "on")]
    [InlineData("contrast", "off")]
    [InlineData("plain", "on")]
    [InlineData("plain", "off")]
    public async Task Setting_link_sets_a_lasting_cookie_and_returns(string setting, string state)
    {
        var response = await _reader.GetAsync($"/prefs/{setting}/{state}?returnUrl=%2Fchannel%2Fbendi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/channel/bendi", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{setting}={state};", cookie);
        Assert.Contains("max-age=31536000", cookie);
    }

    [Theory]
    [InlineData("/prefs/contrast/maybe")]
    [InlineData("/prefs/plain/1")]
    [InlineData("/prefs/script/zh")]
    public async Task Unknown_setting_values_answer_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync(url)).StatusCode);

    [Fact]
    public async Task Header_offers_every_setting_as_a_plain_link()
    {
        var page = await _reader.GetPageAsync("/about");

        var tools = page.One("nav.reader-tools[aria-label='阅读设置']");
        Assert.Equal(3, tools.QuerySelectorAll("a[href^='/prefs/text-size/']").Length);
        Assert.Equal("高对比度", tools.One("a[href^='/prefs/contrast/on']").Text());
        Assert.Equal("简洁模式", tools.One("a[href^='/prefs/plain/on']").Text());
        Assert.Null(page.DocumentElement.GetAttribute("class"));
        Assert.DoesNotContain("plain", page.Body!.ClassName);
    }

    [Fact]
    public async Task High_contrast_cookie_marks_the_page_and_offers_the_way_back()
    {
        var page = await GetWithCookieAsync("/about", "contrast=on");

        Assert.Equal("contrast-high", page.DocumentElement.GetAttribute("class"));
        Assert.Equal("标准配色", page.One("a[href^='/prefs/contrast/off']").Text());
    }

    [Fact]
    public async Task Plain_mode_cookie_marks_the_page_for_the_reading_column_alone()
    {
        var page = await GetWithCookieAsync(SeedArticles.Headline, "plain=on; text-size=l");

        Assert.Equal(["text-l", "plain"], page.Body!.ClassList);
        Assert.Equal("完整版面", page.One("a[href^='/prefs/plain/off']").Text());
    }
}
