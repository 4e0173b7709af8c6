using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Feeds;

namespace Suzhou.News.Tests.Feeds;

public sealed class LinkSubmissionTests
{
    static Dictionary<string, string?> Settings(bool enabled) => new()
    {
        ["LinkSubmission:Enabled"] = enabled ? "true" : "false",
        ["LinkSubmission:Endpoint"] = "http://links.example/urls?site=news.example.cn&token=secret",
        ["LinkSubmission:RetryDelaySeconds"] = "0.05",
        ["Site:BaseUrl"] = "https://news.example.cn",
        ["Database:SeedOnStartup"] = "false",
    };

    [Fact]
    public async Task Queued_urls_are_posted_as_absolute_urls_and_retried_after_a_failure()
    {
        var endpoint = new FakeEndpoint(failures: 2);
        using var app = new SubmittingApp(endpoint, Settings(enabled: true));
        _ = app.Server;

        app.Services.GetRequiredService<ILinkSubmitter>().Enqueue(new Uri("/xw/content/2026-11/29/content_1.html", UriKind.Relative));
        await Wait.ForAsync(endpoint.Accepted.Task, "the link submitter's third post (two failures, then the accepted retry)");

        Assert.Equal(3, endpoint.Calls);
        Assert.All(endpoint.Bodies, body => Assert.Equal("https://news.example.cn/xw/content/2026-11/29/content_1.html", body));
    }

    [Fact]
    public async Task Nothing_is_sent_when_submission_is_off()
    {
        var endpoint = new FakeEndpoint(failures: 0);
        using var app = new SubmittingApp(endpoint, Settings(enabled: false));
        _ = app.Server;

        app.Services.GetRequiredService<ILinkSubmitter>().Enqueue(new Uri("https://news.example.cn/a.html"));
        await Task.Delay(200);

        Assert.Equal(0, endpoint.Calls);
    }
}
