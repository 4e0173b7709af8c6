namespace Suzhou.News.Tests.Hosting;

/// <summary>
/// Every public route, with each hostile value in each place a reader can type: the answer is a 4xx with the
/// Chinese error page, never a 500.
/// </summary>
[Collection(SeededSiteCollection.Name)]
public sealed class HostileInputTests(SeededSite site)
{
    /// <summary>Already URL-encoded, as they arrive on the wire.</summary>
    static readonly string[] HostileValues =
    [
        "-1",
        "0",
        "99999999999999999999999",
        "2147483648",
        "abc",
        "%FF%FE%FD",                // invalid UTF-8
        "%ED%A0%80",                // a lone surrogate, UTF-8 encoded
        "%uD800",                   // a lone surrogate, old-style escape
        "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e%5c%2e%2e%5cwindows",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%27%20OR%201%3D1--",
        new string('9', 400),
        new string('a', 10_000),
    ];

    /// <summary>Routes where the value names the thing to show: an unknown value is a 4xx.</summary>
    static readonly string[] Routes =
    [
        "/channel/{0}",
        "/channel/bendi?page={0}",
        "/channel/yongqiao?page={0}",
        "/topic/{0}",
        "/topic/changsanjiao?page={0}",
        "/tag/{0}",
        "/tag/%E5%AE%BF%E5%B7%9E?page={0}",
        "/xw/content/2026-11/28/content_{0}.html",
        "/prefs/text-size/{0}",
        "/media/{0}",
        "/admin/account/{0}",
    ];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var route in Routes)
        {
            foreach (var value in HostileValues)
            {
                data.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, value));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_values_get_a_client_error_never_a_server_error(string url)
    {
        var response = await site.App.CreateReader().GetAsync(url);

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{Shorten(url)} answered {status}");
    }

    /// <summary>A real article number under a wrong date: the canonical redirect, or a 4xx — never anything else.</summary>
    [Theory]
    [InlineData("/xw/content/{0}/28/content_246001.html")]
    [InlineData("/xw/content/2026-11/{0}/content_246001.html")]
    public async Task Hostile_dates_for_a_real_article_redirect_to_its_address_or_fail_cleanly(string route)
    {
        foreach (var value in HostileValues)
        {
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, value);
            var response = await site.App.CreateReader().GetAsync(url);
            var status = (int)response.StatusCode;
            if (status == 301)
            {
                Assert.Equal("/xw/content/2026-11/28/content_246001.html", response.Headers.Location!.OriginalString);
            }
            else
            {
                Assert.True(status is >= 400 and < 500, $"{Shorten(url)} answered {status}");
            }
        }
    }

    /// <summary>Routes that accept free text and show a normal page for any of it.</summary>
    [Theory]
    [InlineData("/?page={0}")]
    [InlineData("/prefs/text-size/l?returnUrl={0}")]
    [InlineData("/contact?x={0}")]
    public async Task Hostile_values_in_free_text_never_cause_a_server_error(string route)
    {
        foreach (var value in HostileValues)
        {
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, value);
            var response = await site.App.CreateReader().GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{Shorten(url)} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_client_error_shows_the_chinese_page_without_internals()
    {
        var response = await site.App.CreateReader().GetAsync("/xw/content/2026-11/28/content_%ED%A0%80.html");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("请求编号", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("   at ", body);
    }

    static string Shorten(string url) => url.Length > 120 ? url[..120] + "…" : url;
}
