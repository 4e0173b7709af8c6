using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;

namespace Suzhou.News.Search;

/// <summary>What a rebuild did.</summary>
public sealed record RebuildReport(int Articles, TimeSpan Elapsed, long IndexBytes)
{
    public string Summary =>
        $"索引重建完成：文章 {Articles} 篇，用时 {Elapsed.TotalSeconds:0.0} 秒，索引约 {IndexBytes / 1024.0 / 1024.0:0.0} MB";
}

/// <summary>Rebuilds the whole search index in batches, reporting progress as (done, total).</summary>
public sealed partial class SearchIndexer(IServiceScopeFactory scopes, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger)
{
    public async Task<RebuildReport> RebuildAsync(Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var total = await db.Articles.CountAsync(ct);
        progress?.Invoke(0, total);

        await using (var clear = await db.Database.BeginTransactionAsync(ct))
        {
            await SearchIndexWriter.ClearAsync(db, ct);
            await clear.CommitAsync(ct);
        }
        var done = 0;
        var lastId = 0;
        var batchSize = options.Value.RebuildBatchSize;
        while (true)
        {
            var ids = await db.Articles.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id)
                .Select(a => a.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }
            await using (var batch = await db.Database.BeginTransactionAsync(ct))
            {
                await SearchIndexWriter.WriteAsync(db, ids, ct);
                await batch.CommitAsync(ct);
            }
            lastId = ids[^1];
            done += ids.Count;
            progress?.Invoke(Math.Min(done, total), Math.Max(done, total));
        }
        await SearchIndexWriter.OptimizeAsync(db, ct);
        var report = new RebuildReport(done, clock.Elapsed, await SearchIndexWriter.SizeAsync(db, ct));
        LogRebuilt(logger, done, report.Elapsed.TotalSeconds);
        return report;
    }

    /// <summary>True when some article has no index entry (e.g. a database from before search existed).</summary>
    public async Task<bool> IsBehindAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var indexed = db.Database.IsNpgsql()
            ? await PostgresSearch.CountAsync(db, ct)
            : await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM SearchDocuments").SingleAsync(ct);
        return indexed < await db.Articles.CountAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Articles} articles in {Seconds:0.0} s")]
    static partial void LogRebuilt(ILogger logger, int articles, double seconds);
}

/// <summary>At start-up, fills the index in the background when articles exist that it does not hold.</summary>
public sealed partial class SearchIndexCatchUp(SearchIndexer indexer, ILogger<SearchIndexCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await indexer.IsBehindAsync(stoppingToken))
            {
                LogCatchingUp(logger);
                await indexer.RebuildAsync(ct: stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            LogNotChecked(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index is missing articles: rebuilding it in the background")]
    static partial void LogCatchingUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check the search index; run `search reindex`")]
    static partial void LogNotChecked(ILogger logger, Exception exception);
}

/// <summary>Progress on the terminal (done/total, rate, time left).</summary>
public sealed class ConsoleProgress(string what)
{
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly bool _interactive = !Console.IsOutputRedirected;
    TimeSpan _last = TimeSpan.FromDays(-1);

    public void Report(int done, int total)
    {
        var elapsed = _clock.Elapsed;
        if (done != total && elapsed - _last < (_interactive ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5)))
        {
            return;
        }
        _last = elapsed;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var percent = total == 0 ? 100 : done * 100L / total;
        var line = $"{what} {done}/{total}（{percent}%），{rate:0} 篇/秒，预计剩余 {left:hh\\:mm\\:ss}";
        if (_interactive)
        {
            Console.Write("\r" + line.PadRight(60));
            if (done == total)
            {
                Console.WriteLine();
            }
        }
        else
        {
            Console.WriteLine(line);
        }
    }
}
