using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Cluster;
using Suzhou.News.Data;

namespace Suzhou.News.Articles;

/// <summary>The <c>Reading</c> settings section.</summary>
public sealed class ReadingOptions
{
    public const string Section = "Reading";

    /// <summary>How often counted views are written to the database.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600, ErrorMessage = "Reading:FlushSeconds 应在 1 到 3600 之间")]
    public int FlushSeconds { get; set; } = 5;

    /// <summary>How long the 排行 lists are kept in memory before they are read again.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600, ErrorMessage = "Reading:MostReadCacheSeconds 应在 0 到 3600 之间")]
    public int MostReadCacheSeconds { get; set; } = 60;
}

/// <summary>
/// Counts article views in memory; <see cref="ViewFlushService"/> writes them in one transaction every few
/// seconds and at shutdown, so a read never costs a database write. Crawlers are not counted.
/// </summary>
public sealed partial class ViewCounter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ViewCounter> logger)
{
    readonly Lock _gate = new();
    Dictionary<(int Number, int Hour), int> _pending = [];

    [GeneratedRegex(@"bot|spider|crawl|slurp|bingpreview|facebookexternalhit|headless|curl|wget|python|java/|go-http|okhttp|httpclient|scrapy|phantomjs|monitor|preview", RegexOptions.IgnoreCase)]
    private static partial Regex BotPattern();

    /// <summary>Crawlers, link previews, scripts and requests without a user agent.</summary>
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotPattern().IsMatch(userAgent);

    /// <summary>Counts one view of the article with this public number.</summary>
    public void Record(int number)
    {
        var key = (number, CurrentHour(clock));
        lock (_gate)
        {
            _pending[key] = _pending.GetValueOrDefault(key) + 1;
        }
    }

    public static int CurrentHour(TimeProvider clock) => (int)(clock.GetUtcNow().ToUnixTimeSeconds() / 3600);

    /// <summary>Views counted but not yet written.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Values.Sum();
            }
        }
    }

    /// <summary>Writes what was counted: adds to each article's total and to its hourly bucket.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        Dictionary<(int Number, int Hour), int> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            batch = _pending;
            _pending = [];
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var ((number, hour), count) in batch)
            {
                // Raw SQL: the article row's concurrency token stays untouched, so an editor's save never conflicts with readers.
                // Quoted names and ON CONFLICT: the same statements run on SQLite and PostgreSQL.
                await db.Database.ExecuteSqlAsync($"""UPDATE "Articles" SET "ViewCount" = "ViewCount" + {count} WHERE "Number" = {number}""", ct);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "ArticleViewBuckets" ("ArticleId", "Hour", "Count") SELECT "Id", {hour}, {count} FROM "Articles" WHERE "Number" = {number}
                    ON CONFLICT ("ArticleId", "Hour") DO UPDATE SET "Count" = "ArticleViewBuckets"."Count" + excluded."Count"
                    """, ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Put the counts back so the next flush tries again.
            lock (_gate)
            {
                foreach (var (key, count) in batch)
                {
                    _pending[key] = _pending.GetValueOrDefault(key) + count;
                }
            }
            LogNotWritten(logger, batch.Count, e);
        }
    }

    /// <summary>Drops hourly buckets older than the longest 排行 window.</summary>
    public async Task PruneAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var oldest = CurrentHour(clock) - 8 * 24;
        await db.ArticleViewBuckets.Where(b => b.Hour < oldest).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Count} article views; will retry")]
    static partial void LogNotWritten(ILogger logger, int count, Exception exception);
}

/// <summary>
/// Flushes <see cref="ViewCounter"/> every <see cref="ReadingOptions.FlushSeconds"/> and once more at shutdown.
/// Every node flushes its own counts (they are additive, and a node's buffer is only in its memory); pruning the
/// old hourly buckets is one job for the whole site, run by the holder of the <see cref="JobLease.ViewCountPruning"/> lease.
/// </summary>
public sealed partial class ViewFlushService(ViewCounter counter, IOptions<ReadingOptions> options, TimeProvider clock, JobLeases leases, ILogger<ViewFlushService> logger) : BackgroundService
{
    static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds), clock);
        var lastPrune = DateTimeOffset.MinValue;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await counter.FlushAsync(stoppingToken);
                if (clock.GetUtcNow() - lastPrune > PruneEvery)
                {
                    lastPrune = clock.GetUtcNow();
                    try
                    {
                        // Held for two pruning intervals, so the holder keeps it while it lives and another node takes over after.
                        if (await leases.TryHoldAsync(JobLease.ViewCountPruning, PruneEvery * 2, stoppingToken))
                        {
                            await counter.PruneAsync(stoppingToken);
                        }
                    }
                    catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                    {
                        LogPruningFailed(logger, e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await counter.FlushAsync(CancellationToken.None);
        try
        {
            await leases.ReleaseAsync(JobLease.ViewCountPruning, cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            LogLeaseNotReturned(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning old view counts failed")]
    static partial void LogPruningFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand the view-count pruning lease back; another node takes it when it runs out")]
    static partial void LogLeaseNotReturned(ILogger logger, Exception exception);
}
