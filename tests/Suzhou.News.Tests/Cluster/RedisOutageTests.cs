using System.Net;
using Suzhou.News.Accounts;

namespace Suzhou.News.Tests.Cluster;

/// <summary>A node whose Redis is unreachable keeps serving, uncached, and its editors keep saving.</summary>
public sealed class RedisOutageTests : IDisposable
{
    // Nothing listens on port 1: every Redis command fails, as when Redis is down.
    readonly NewsApp _app = new(new() { ["Redis:Configuration"] = "127.0.0.1:1" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Pages_are_served_and_articles_published_while_redis_is_away()
    {
        var reader = _app.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "缓存服务中断时发布的消息");

        var publish = await editor.WorkflowAsync(id, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("缓存服务中断时发布的消息", (await reader.GetPageAsync("/")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/readyz")).StatusCode);
    }
}
