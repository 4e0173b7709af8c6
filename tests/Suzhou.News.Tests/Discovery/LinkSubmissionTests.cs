using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Feeds;
using Suzhou.News.Tests.Infrastructure;

namespace Suzhou.News.Tests.Discovery;

public sealed class LinkSubmissionTests
{
    /// <summary>Stands in for the search engine: fails the first <c>failures</c> posts, then accepts.</summary>
    sealed class FakeEndpoint(int failures) : HttpMessageHandler
    {
        int _calls;
        public List<string> Bodies { get; } = [];
        public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Calls => _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Bodies)
            {
                Bodies.Add(body);
            }
            if (Interlocked.Increment(ref _calls) <= failures)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }
            Accepted.TrySetResult();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"success\":1}") };
        }
    }

    sealed class SubmittingApp(FakeEndpoint endpoint, Dictionary<string, string?> settings) : NewsApp(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.AddHttpClient(LinkSubmitter.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoint));
        }
    }

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
        await endpoint.Accepted.Task.WaitAsync(TimeSpan.FromSeconds(30));

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
