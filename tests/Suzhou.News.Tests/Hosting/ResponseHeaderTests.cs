using System.Net;
using Suzhou.News.Accounts;

namespace Suzhou.News.Tests.Hosting;

/// <summary>The hardening headers on public, newsroom and media responses, and the cookie flags.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class ResponseHeaderTests(SeededSite site)
{
    public static TheoryData<string> Urls => new()
    {
        "/",
        "/channel/bendi",
        "/xw/content/2026-11/28/content_246001.html",
        "/contact",
        "/no-such-page",
        "/admin/account/login",
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Every_page_carries_the_security_headers(string url)
    {
        var response = await site.App.CreateReader().GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
    }

    [Fact]
    public async Task Media_keeps_its_own_sandbox_policy_and_nosniff()
    {
        var page = await site.App.CreateReader().GetPageAsync("/xw/content/2026-11/28/content_246001.html");
        var picture = page.QuerySelector("img[src^='/media/']")!.GetAttribute("src")!;

        var response = await site.App.CreateReader().GetAsync(picture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sandbox", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Executable_types_are_never_served_from_the_media_folder()
    {
        File.WriteAllText(Path.Combine(site.App.DataPath, "media", "evil.html"), "<script>alert(1)</script>");
        File.WriteAllText(Path.Combine(site.App.DataPath, "media", "evil.js"), "alert(1)");

        Assert.Equal(HttpStatusCode.NotFound, (await site.App.CreateReader().GetAsync("/media/evil.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.App.CreateReader().GetAsync("/media/evil.js")).StatusCode);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        var client = site.App.CreateReader();

        var login = await client.GetAsync("/admin/account/login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sn.af=", StringComparison.Ordinal));
        var textSize = (await client.GetAsync("/prefs/text-size/l?returnUrl=/")).Headers.GetValues("Set-Cookie").Single();

        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", textSize, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", textSize, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_cookie_is_http_only_same_site_and_scoped_to_the_newsroom()
    {
        var email = await site.App.CreateStaffAsync(Roles.Reporter);
        var client = site.App.CreateReader();

        var response = await client.SubmitAsync("/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });

        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sn.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin", auth, StringComparison.OrdinalIgnoreCase);
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header");
}

/// <summary>Through real Kestrel on a loopback port, where the Server header would come from.</summary>
public sealed class KestrelHeaderTests : IDisposable
{
    readonly NewsApp _app = new(new() { ["Database:SeedOnStartup"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/contact");

        Assert.StartsWith("http://127.0.0.1:", client.BaseAddress!.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(",", response.Headers.Server));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
