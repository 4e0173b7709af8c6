namespace Suzhou.News.Cluster;

/// <summary>
/// A job only one node may run at a time, and which node runs it until when. The rows exist from the migration on;
/// <see cref="JobLeases"/> takes and renews them with one conditional UPDATE.
/// </summary>
public sealed class JobLease
{
    public const string ScheduledPublishing = "scheduled-publishing";
    public const string ViewCountPruning = "view-count-pruning";

    public string Name { get; set; } = "";

    /// <summary>The <see cref="NodeIdentity.Id"/> of the node that holds it; empty when nobody has yet.</summary>
    public string Holder { get; set; } = "";

    /// <summary>After this (UTC), another node may take the job over.</summary>
    public DateTime ExpiresAt { get; set; }

    public const int NameMaxLength = 64;

    /// <summary>Long expired: what a lease row starts as.</summary>
    public static readonly DateTime Free = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
