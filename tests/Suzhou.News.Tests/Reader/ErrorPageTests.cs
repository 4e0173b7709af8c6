using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Tests.Infrastructure;

namespace Suzhou.News.Tests.Reader;

public sealed class ErrorPageTests : IDisposable
{
    /// <summary>The real site plus one route that fails, behind the site's own error handling.</summary>
    sealed class FailingApp : NewsApp
    {
        public FailingApp() : base(new() { ["Database:SeedOnStartup"] = "false" }) { }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingRoute>());
        }
    }

    sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Added after the site's pipeline, so the site's exception handler is outside it.
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path == "/test/fail"
                ? throw new InvalidOperationException("secret detail from the database layer")
                : Task.CompletedTask);
        };
    }

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
