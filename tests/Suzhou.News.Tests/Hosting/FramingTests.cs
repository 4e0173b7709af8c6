using Suzhou.News.Accounts;
using static Suzhou.News.Tests.Infrastructure.ArticleForms;

namespace Suzhou.News.Tests.Hosting;

/// <summary>No page may be framed by another site; only the editor's preview may be framed, and only by this site.</summary>
[Collection(NewsroomSiteCollection.Name)]
public sealed class FramingTests(NewsroomSite site)
{
    [Fact]
    public async Task Article_preview_may_be_framed_by_the_site_itself_and_the_editor_by_nobody()
    {
        var reporter = await site.App.SignInAsNewAsync(Roles.Reporter);
        var id = await reporter.WriteAsync(site.App, "预览框里的稿件");

        var preview = await reporter.GetAsync($"/admin/articles/preview/{id}");
        var editor = await reporter.GetAsync(EditUrl(id));

        Assert.Equal("SAMEORIGIN", Header(preview, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'self'", Header(preview, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", Header(preview, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(editor, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(editor, "Content-Security-Policy"));
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header");
}
