using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;

namespace Suzhou.News.Cluster;

/// <summary>
/// Makes sure exactly one node runs a job at a time (<see cref="JobLease"/>). A node holds a job by taking or
/// renewing its row with one atomic <c>UPDATE … WHERE Name = job AND (ExpiresAt &lt; now OR Holder = me)</c>:
/// the database decides between nodes that try at the same moment, on SQLite and PostgreSQL alike. On a single
/// node (not clustered) every call answers yes without touching the database.
/// </summary>
public sealed partial class JobLeases(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    NodeIdentity node,
    IOptions<ClusterOptions> options,
    ILogger<JobLeases> logger)
{
    readonly ConcurrentDictionary<string, bool> _held = new(StringComparer.Ordinal);

    /// <summary>
    /// True when this node may run <paramref name="job"/> now: it took the lease, or renewed the one it had, for
    /// <see cref="ClusterOptions.LeaseSeconds"/> (or the duration the overload names). Call it before every run;
    /// a job that runs seldom holds it for longer than its interval, so the same node keeps it.
    /// </summary>
    public Task<bool> TryHoldAsync(string job, CancellationToken ct = default) => TryHoldAsync(job, null, ct);

    /// <inheritdoc cref="TryHoldAsync(string, CancellationToken)"/>
    public async Task<bool> TryHoldAsync(string job, TimeSpan? duration, CancellationToken ct = default)
    {
        if (!options.Value.IsClustered)
        {
            return true;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + (duration ?? TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        var me = node.Id;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var rows = await db.JobLeases
            .Where(l => l.Name == job && (l.ExpiresAt < now || l.Holder == me))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, until), ct);
        var holds = rows == 1;
        if (!_held.TryGetValue(job, out var held) || held != holds)
        {
            _held[job] = holds;
            if (holds)
            {
                LogTook(logger, job, node.Id);
            }
            else
            {
                LogLost(logger, job, node.Id);
            }
        }
        return holds;
    }

    /// <summary>At shutdown: lets another node take the job at its next try instead of after the lease runs out.</summary>
    public async Task ReleaseAsync(string job, CancellationToken ct = default)
    {
        if (!options.Value.IsClustered || !_held.GetValueOrDefault(job))
        {
            return;
        }
        var me = node.Id;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await db.JobLeases.Where(l => l.Name == job && l.Holder == me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, JobLease.Free), ct);
        _held[job] = false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node ({Node}) now runs {Job}")]
    static partial void LogTook(ILogger logger, string job, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another node runs {Job}; this node ({Node}) stands by")]
    static partial void LogLost(ILogger logger, string job, string node);
}
