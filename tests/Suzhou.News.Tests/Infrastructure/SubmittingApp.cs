using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Feeds;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>Stands in for the search engine: fails the first <c>failures</c> posts, then accepts.</summary>
public sealed class FakeEndpoint(int failures) : HttpMessageHandler
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

/// <summary>The site with its link submitter posting to <paramref name="endpoint"/> instead of the network.</summary>
public sealed class SubmittingApp(FakeEndpoint endpoint, Dictionary<string, string?> settings) : NewsApp(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(LinkSubmitter.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoint));
    }
}
