using Microsoft.Extensions.Options;

namespace Suzhou.News.Newsroom;

/// <summary>
/// Publishes scheduled articles when they fall due: once at start (so articles due while the site was down go
/// out straight away), then every <c>Newsroom:SchedulerSeconds</c>. Runs on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NewsroomOptions> options,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
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

    async Task SafeTickAsync(CancellationToken ct)
    {
        try
        {
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
}
