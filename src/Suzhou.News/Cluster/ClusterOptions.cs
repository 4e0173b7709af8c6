using System.ComponentModel.DataAnnotations;

namespace Suzhou.News.Cluster;

/// <summary>
/// The <c>Cluster</c> section. Several web nodes on one database are switched on by giving every node the same
/// Redis (<see cref="RedisOptions"/>); <c>Cluster:Enabled</c> says so explicitly and follows Redis by default.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// True when more than one node may share the database: scheduled jobs then take a lease first and data-protection
    /// keys default to the database. Set from <c>Redis:Configuration</c> unless configured.
    /// </summary>
    public bool? Enabled { get; set; }

    public bool IsClustered => Enabled == true;

    /// <summary>A readable name for this node in logs and the lease table; the machine name by default.</summary>
    [MaxLength(100, ErrorMessage = "Cluster:NodeName 不能超过 100 个字符")]
    public string? NodeName { get; set; }

    /// <summary>
    /// How long a node keeps a job lease without renewing it: after a node dies, another takes its jobs over within
    /// this time. Keep it a few times <c>Newsroom:SchedulerSeconds</c>, which is how often the holder renews.
    /// </summary>
    [Range(5, 3600, ErrorMessage = "Cluster:LeaseSeconds 应在 5 到 3600 之间")]
    public int LeaseSeconds { get; set; } = 90;
}

/// <summary>The <c>Redis</c> section: shared output cache and change notices between nodes.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; also read from <c>ConnectionStrings:Redis</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel this site uses, so several sites (or test runs) can share one Redis.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Redis:InstanceName 不能为空")]
    public string InstanceName { get; set; } = "suzhou-news:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);

    /// <summary><c>Redis:Configuration</c>, else <c>ConnectionStrings:Redis</c>, else null (one node, no Redis).</summary>
    public static string? ConfigurationFrom(IConfiguration configuration)
    {
        var value = configuration[Section + ":" + nameof(Configuration)];
        return string.IsNullOrWhiteSpace(value) ? NullIfBlank(configuration.GetConnectionString("Redis")) : value;
    }

    static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The channel on which nodes announce content changes.</summary>
    public string ChangesChannel => InstanceName + "changes";
}

/// <summary>The <c>DataProtection</c> section: where the keys that sign cookies and antiforgery tokens live.</summary>
public sealed class KeyStoreOptions
{
    public const string Section = "DataProtection";
    public const string Files = "Files";
    public const string Database = "Database";

    /// <summary><c>Files</c> (the keys folder) or <c>Database</c> (shared by every node); <c>Database</c> by default when clustered.</summary>
    public string? Store { get; set; }

    public bool InDatabase => string.Equals(Store, Database, StringComparison.OrdinalIgnoreCase);
}
