using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Suzhou.News.Cluster;
using Suzhou.News.Newsroom;
using Suzhou.News.Site;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// The Redis the two-node tests share: <c>SUZHOU_TEST_REDIS</c> (e.g. <c>127.0.0.1:6379</c>). Without it they are
/// skipped on a developer's machine and fail under CI (<c>CI=true</c>).
/// </summary>
public static class TestRedis
{
    public const string Variable = "SUZHOU_TEST_REDIS";

    public static string? Configuration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage => $"{Variable} is not set: start redis-server and set {Variable}=127.0.0.1:6379 to run the two-node tests.";

    /// <summary>Why a two-node test is skipped here, or null when it should run (Redis is named, or CI wants a failure).</summary>
    public static string? SkipReason => Configuration is not null || UnderCi ? null : MissingMessage + " (skipped because CI is not true)";
}

/// <summary>A test that needs Redis: reported as skipped with the reason when <c>SUZHOU_TEST_REDIS</c> is not set, unless <c>CI=true</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (TestRedis.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// One web node behind Kestrel on its own loopback port, as a separate machine would be: its own keys folder and
/// logs, the shared database and media (through <see cref="NewsApp"/>), the shared Redis.
/// </summary>
public sealed class ClusterNode : NewsApp
{
    ClusterNode(Dictionary<string, string?> settings)
        : base(settings) => UseKestrel(0);

    ClusterNode(NewsApp first, Dictionary<string, string?> settings)
        : base(first, settings) => UseKestrel(0);

    /// <summary>
    /// A clock for this node's settings layer that never moves, or null for the real one. The layer re-reads the
    /// database a minute after its last read; on a stopped clock only a change notice makes it read again, so a test
    /// that waits long can still tell the notice from the timer.
    /// </summary>
    FakeTimeProvider? _settingsClock;

    public string Name { get; private init; } = "";

    /// <summary>The node's own origin, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public ScheduledPublisher Publisher => Services.GetRequiredService<ScheduledPublisher>();

    /// <summary>The first node: a fresh database, migrated and seeded by it.</summary>
    public static ClusterNode First(string name, string redisPrefix) =>
        new ClusterNode(Settings(name, redisPrefix, dataPath: null)) { Name = name }.Started();

    /// <summary>
    /// Another node on <paramref name="first"/>'s database and data folder. Its site settings layer is on a stopped
    /// clock: it learns of another node's settings change only through the change notice.
    /// </summary>
    public static ClusterNode Joining(NewsApp first, string name, string redisPrefix) =>
        new ClusterNode(first, Settings(name, redisPrefix, first.DataPath)) { Name = name, _settingsClock = new() }.Started();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_settingsClock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(sp => new LayeredSiteOptions(
                sp.GetRequiredService<IOptionsMonitor<SiteOptions>>(),
                sp.GetRequiredService<IServiceScopeFactory>(),
                clock,
                sp.GetRequiredService<ILogger<LayeredSiteOptions>>())));
        }
    }

    static Dictionary<string, string?> Settings(string name, string redisPrefix, string? dataPath)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = TestRedis.Configuration ?? throw new InvalidOperationException(TestRedis.MissingMessage),
            ["Redis:InstanceName"] = redisPrefix,
            ["Cluster:NodeName"] = name,
            ["Newsroom:SchedulerSeconds"] = "1",
            ["Reading:FlushSeconds"] = "1",
        };
        if (dataPath is not null)
        {
            // Per node, as on separate machines: only the database can carry the keys from one node to the other.
            settings["Storage:KeysPath"] = Path.Combine(dataPath, "keys-" + name);
            settings["Storage:LogsPath"] = Path.Combine(dataPath, "logs-" + name);
            settings["Database:SeedOnStartup"] = "false";
        }
        return settings;
    }

    ClusterNode Started()
    {
        if (!DataSettings.ContainsKey("Storage:DataPath"))
        {
            throw new InvalidOperationException("NewsApp must name its data folder");
        }
        StartServer();
        using var client = CreateClient();
        BaseAddress = client.BaseAddress!;
        return this;
    }

    /// <summary>
    /// A cookie-keeping client on this node's real port that does not follow redirects (the factory's own Kestrel
    /// client follows them), so the shared sign-in and form helpers work as they do in memory.
    /// </summary>
    public override HttpClient CreateReader() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }, disposeHandler: true) { BaseAddress = BaseAddress };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} {BaseAddress}");
}

/// <summary>
/// Two nodes of one site, started one after the other (the first migrates and seeds, as in production) and shared by
/// the two-node tests; started on first use, so a skipped run never starts them.
/// </summary>
public sealed class TwoNodes : IDisposable
{
    readonly Lazy<(ClusterNode A, ClusterNode B)> _nodes;
    readonly string _prefix = $"suzhou-news-test-{Guid.NewGuid():N}:";

    public TwoNodes()
    {
        var prefix = _prefix;
        _nodes = new(() =>
        {
            var a = ClusterNode.First("node-a", prefix);
            return (a, ClusterNode.Joining(a, "node-b", prefix));
        });
    }

    public ClusterNode A => _nodes.Value.A;
    public ClusterNode B => _nodes.Value.B;

    public void Dispose()
    {
        if (_nodes.IsValueCreated)
        {
            // This run's keys (the output cache's tag index never expires by itself), then the nodes: the joining
            // one first, since the first one owns the data folder and deletes it.
            var redis = _nodes.Value.A.Services.GetRequiredService<RedisConnection>().Multiplexer;
            foreach (var endpoint in redis.GetEndPoints())
            {
                var server = redis.GetServer(endpoint);
                var keys = server.Keys(pattern: _prefix + "*").ToArray();
                if (keys.Length > 0)
                {
                    redis.GetDatabase().KeyDelete(keys);
                }
            }
            _nodes.Value.B.Dispose();
            _nodes.Value.A.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TwoNodesCollection : ICollectionFixture<TwoNodes>
{
    public const string Name = "Two nodes";
}
