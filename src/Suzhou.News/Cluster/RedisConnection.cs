using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Suzhou.News.Cluster;

/// <summary>
/// The node's one connection to Redis, shared by the output cache and the change notices. It is opened on first use
/// and does not fail when Redis is down at start: StackExchange.Redis keeps reconnecting (and resubscribing) by itself.
/// While Redis is away, commands fail at once instead of waiting in a backlog, so pages are served uncached without delay.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options) : IDisposable
{
    readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() =>
    {
        var text = options.Value.Configuration!;
        var configuration = ConfigurationOptions.Parse(text);
        // The first connect blocks its caller (the first page, the listener): with Redis away, give up soon and let
        // the background reconnects do the rest. Values in the configuration string win.
        if (!text.Contains("connectTimeout=", StringComparison.OrdinalIgnoreCase))
        {
            configuration.ConnectTimeout = 2000;
        }
        if (!text.Contains("connectRetry=", StringComparison.OrdinalIgnoreCase))
        {
            configuration.ConnectRetry = 1;
        }
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "suzhou-news";
        return ConnectionMultiplexer.Connect(configuration);
    });

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
