using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Suzhou.News.Channels;
using Suzhou.News.Site;

namespace Suzhou.News.Cluster;

/// <summary>What another node changed, and so what this node must forget.</summary>
public enum ChangeKind
{
    /// <summary>An article was published, changed or withdrawn: the in-memory sidebar, neighbours and related lists.</summary>
    Content,

    /// <summary>Channels, topics or site settings: everything a node keeps in memory about the site.</summary>
    Everything,
}

/// <summary>
/// Tells the other nodes, over a Redis channel, that this node changed content, so they drop what they keep in
/// memory within milliseconds. Without Redis (one node) it does nothing. A notice that cannot be sent is logged and
/// never fails the save that caused it: the other nodes' memory caches then catch up at their next change.
/// </summary>
public sealed partial class ChangeNotices(IOptions<RedisOptions> redis, IServiceProvider services, NodeIdentity node, ILogger<ChangeNotices> logger)
{
    public async Task AnnounceAsync(ChangeKind kind)
    {
        if (!redis.Value.IsConfigured)
        {
            return;
        }
        try
        {
            var subscriber = services.GetRequiredService<RedisConnection>().Multiplexer.GetSubscriber();
            await subscriber.PublishAsync(RedisChannel.Literal(redis.Value.ChangesChannel), Format(kind, node.Id));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotSent(logger, kind, e);
        }
    }

    public static string Format(ChangeKind kind, string origin) => $"{kind}|{origin}";

    public static bool TryParse(string? message, out ChangeKind kind, out string origin)
    {
        kind = default;
        origin = "";
        var bar = message?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0 || !Enum.TryParse(message![..bar], out kind))
        {
            return false;
        }
        origin = message[(bar + 1)..];
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes about a {Kind} change")]
    static partial void LogNotSent(ILogger logger, ChangeKind kind, Exception exception);
}

/// <summary>
/// Listens for the other nodes' <see cref="ChangeNotices"/> and drops this node's in-memory copies: the content
/// token (sidebar, neighbours, related stories), and for <see cref="ChangeKind.Everything"/> also the channel tree
/// and the site-settings layer. The output cache itself is in Redis, so its tag eviction already reached every node.
/// When the connection to Redis comes back, notices may have been missed meanwhile, so everything is dropped.
/// </summary>
public sealed partial class ChangeListener(
    IOptions<RedisOptions> redis,
    IServiceProvider services,
    NodeIdentity node,
    PublicCache cache,
    ChannelCatalog catalog,
    LayeredSiteOptions site,
    ILogger<ChangeListener> logger) : BackgroundService
{
    static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    ChannelMessageQueue? _queue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.Value.IsConfigured)
        {
            return;
        }
        await Task.Yield(); // connecting may wait for Redis; start-up does not
        var multiplexer = services.GetRequiredService<RedisConnection>().Multiplexer;
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                LogReconnected(logger);
                ForgetEverything();
            }
        };
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _queue = await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(redis.Value.ChangesChannel));
                _queue.OnMessage(message => Apply(message.Message));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis is away at start: the node serves regardless, and keeps trying to listen.
                if (failures++ == 0)
                {
                    LogNotSubscribed(logger, e);
                }
            }
            try
            {
                await Task.Delay(RetryEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Applies one notice; notices this node sent itself were applied when it made the change.</summary>
    public void Apply(string? message)
    {
        if (!ChangeNotices.TryParse(message, out var kind, out var origin) || origin == node.Id)
        {
            return;
        }
        if (kind == ChangeKind.Everything)
        {
            ForgetEverything();
        }
        else
        {
            cache.DropMemory();
        }
        LogApplied(logger, kind, origin);
    }

    void ForgetEverything()
    {
        cache.DropMemory();
        catalog.Invalidate();
        site.Invalidate();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_queue is not null)
        {
            try
            {
                await _queue.UnsubscribeAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                // Going away anyway; Redis drops the subscription with the connection, which may already be
                // closed when the host stops its services (seen in CI).
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Kind} change from node {Origin}: memory caches dropped")]
    static partial void LogApplied(ILogger logger, ChangeKind kind, string origin);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not listen for change notices from other nodes; retrying every 5 s, in-memory caches here may lag meanwhile")]
    static partial void LogNotSubscribed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Back in touch with Redis: in-memory caches dropped in case notices were missed")]
    static partial void LogReconnected(ILogger logger);
}
