using System.Net;

namespace Suzhou.News.Tests.Hosting;

/// <summary>Whatever a reader or a crawler types, the answer is a Chinese 4xx page, never a 500 or a stack trace.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class BadInputTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    public static TheoryData<string> NotFoundUrls => new()
    {
        "/channel/bendi?page=0",
        "/channel/bendi?page=-1",
        "/channel/bendi?page=99999999",
        "/channel/bendi?page=abc",
        "/channel/bendi?page=1.5",
        "/channel/bendi?page=3",
        "/channel/bendi?page=99999999999999999999",
        "/topic/yunhe?page=0",
        "/topic/yunhe?page=x",
        "/tag/%E9%AB%98%E9%93%81?page=-3",
        "/channel/no-such-channel",
        "/channel/BENDI-",
        "/channel/" + new string('a', 5000),
        "/topic/no-such-topic",
        "/tag/" + new string('字', 200),
        "/tag/%E4%B8%8D%E5%AD%98%E5%9C%A8",
        "/channel/%E4%B8",
        "/channel/%ZZ",
        "/xw/content/2026-11/28/content_246001.html/../../etc/passwd",
        "/" + new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(NotFoundUrls))]
    public async Task Bad_ids_slugs_and_page_numbers_get_the_Chinese_404_page(string url)
    {
        var response = await _reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("页面没有找到", page.One("h1").Text());
        Assert.Contains("请求编号", page.One(".error-request-id").Text());
    }

    [Theory]
    [InlineData("/channel/bendi?page=%FF")]
    [InlineData("/channel/bendi?page=%ED%A0%80")]
    [InlineData("/topic/yunhe?page=%E4%B8")]
    [InlineData("/tag/%FF%FE")]
    [InlineData("/tag/%ED%A0%80")]
    public async Task Invalid_utf8_and_lone_surrogates_never_cause_a_server_error(string url)
    {
        var response = await _reader.GetAsync(url);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_parameter_that_is_empty_means_the_first_page()
    {
        var response = await _reader.GetAsync("/channel/bendi?page=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
