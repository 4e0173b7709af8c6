using Microsoft.Extensions.Options;
using Suzhou.News.Cluster;

namespace Suzhou.News.Newsroom;

/// <summary>
/// Publishes scheduled articles when they fall due: once at start (so articles due while the site was down go
/// out straight away), then every <c>Newsroom:SchedulerSeconds</c>. Runs on the registered <see cref="TimeProvider"/>.
/// With several nodes only the holder of the <see cref="JobLease.ScheduledPublishing"/> lease runs a pass; the
/// others try again each interval and take over when the holder stops renewing.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NewsroomOptions> options,
    JobLeases leases,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    int _passes;

    /// <summary>How many passes this node has run; it skips them while another node holds the lease.</summary>
    public int PassesRun => Volatile.Read(ref _passes);

    /// <summary>One pass: publishes what is due and returns how many.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleWorkflow>().PublishDueAsync(ct);
    }

    /// <summary>The first pass runs before the site takes requests: what fell due while it was down is public at once.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SafeTickAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SchedulerSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await SafeTickAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(JobLease.ScheduledPublishing, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReleaseFailed(logger, e);
        }
    }

    async Task SafeTickAsync(CancellationToken ct)
    {
        try
        {
            if (!await leases.TryHoldAsync(JobLease.ScheduledPublishing, ct))
            {
                return;
            }
            Interlocked.Increment(ref _passes);
            var published = await TickAsync(ct);
            if (published > 0)
            {
                LogPublished(logger, published);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bad tick (database busy, not migrated yet) must not stop later ones or the site.
            LogTickFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled publishing: {Count} article(s) went out")]
    static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing failed; retrying at the next tick")]
    static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand the scheduled-publishing lease back; another node takes it when it runs out")]
    static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
