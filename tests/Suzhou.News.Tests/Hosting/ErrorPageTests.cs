using System.Net;

namespace Suzhou.News.Tests.Hosting;

public sealed class ErrorPageTests : IDisposable
{
    readonly FailingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Server_error_shows_the_Chinese_error_page_with_a_request_id_and_no_details()
    {
        var response = await _app.CreateReader().GetAsync("/test/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Equal("服务器暂时出错", page.One("h1").Text());
        Assert.Matches("请求编号：\\S+", page.One(".error-request-id").Text());
        Assert.NotNull(page.QuerySelector(".site-footer"));
    }
}
