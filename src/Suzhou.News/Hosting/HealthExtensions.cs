using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Suzhou.News.Data;

namespace Suzhou.News.Hosting;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (the database answers and has every migration), for a load
/// balancer or a service manager. Plain text, never cached, never rate-limited, not in the request log.
/// </summary>
public static class HealthExtensions
{
    public const string Live = "/healthz";
    public const string Ready = "/readyz";
    const string ReadyTag = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseReadyCheck>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>First in the pipeline: a probe every few seconds must not reach request logging, limits or the output cache.</summary>
    public static WebApplication UseHealthEndpoints(this WebApplication app)
    {
        app.UseHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false });
        app.UseHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}

/// <summary>
/// Ready when the database can be reached and no migration is pending (a node started before <c>migrate</c> ran is
/// not ready). Once the migrations were seen applied, later checks only connect: migrations are not taken back.
/// </summary>
public sealed class DatabaseReadyCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    volatile bool _migrated;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<NewsDbContext>().Database;
        if (!await database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("数据库无法连接");
        }
        if (!_migrated)
        {
            var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                return HealthCheckResult.Unhealthy($"数据库有 {pending} 个迁移尚未执行");
            }
            _migrated = true;
        }
        return HealthCheckResult.Healthy();
    }
}
