using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// What several web nodes on one database need, each switched on by configuration: with <c>Redis:Configuration</c>
    /// the output cache lives in Redis (tag eviction reaches every node) and nodes tell each other about changes;
    /// job leases keep scheduled work on one node; data-protection keys default to the database. Without Redis the
    /// site runs as one node exactly as before and never connects to Redis.
    /// </summary>
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.Section)
            .Configure<IConfiguration>((redis, configuration) => redis.Configuration = RedisOptions.ConfigurationFrom(configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ClusterOptions>()
            .BindConfiguration(ClusterOptions.Section)
            .PostConfigure<IOptions<RedisOptions>>((cluster, redis) => cluster.Enabled ??= redis.Value.IsConfigured)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<KeyStoreOptions>()
            .BindConfiguration(KeyStoreOptions.Section)
            .PostConfigure<IOptions<ClusterOptions>>((keys, cluster) =>
                keys.Store = string.IsNullOrWhiteSpace(keys.Store) ? (cluster.Value.IsClustered ? KeyStoreOptions.Database : KeyStoreOptions.Files) : keys.Store.Trim())
            .Validate(keys => keys.InDatabase || string.Equals(keys.Store, KeyStoreOptions.Files, StringComparison.OrdinalIgnoreCase),
                "DataProtection:Store 只能是 Files 或 Database")
            .ValidateOnStart();

        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<ChangeNotices>();
        services.AddSingleton<ChangeListener>();

        // The store has to be chosen while services are registered; the Redis one then replaces the in-memory one.
        if (RedisOptions.ConfigurationFrom(builder.Configuration) is not null)
        {
            services.AddStackExchangeRedisOutputCache(_ => { });
            services.AddOptions<RedisOutputCacheOptions>().Configure<IOptions<RedisOptions>, RedisConnection>((cache, redis, connection) =>
            {
                cache.InstanceName = redis.Value.InstanceName + "pages:";
                cache.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Multiplexer);
            });
        }
        return builder;
    }
}
