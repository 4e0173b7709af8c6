using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;

namespace Suzhou.News.Site;

/// <summary>
/// <c>IOptions&lt;SiteOptions&gt;</c> for the whole app: configuration with the admins' overrides from the
/// <c>SiteSettings</c> table laid on top. Pages keep injecting <c>IOptions&lt;SiteOptions&gt;</c> and see changes
/// at once on this node, within <see cref="RefreshAfter"/> on others.
/// </summary>
public sealed partial class LayeredSiteOptions(
    IOptionsMonitor<SiteOptions> configured,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<LayeredSiteOptions> logger) : IOptions<SiteOptions>
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(1);

    sealed record Layer(SiteOptions Value, DateTimeOffset ReadAt);

    volatile Layer? _layer;

    public SiteOptions Value
    {
        get
        {
            var now = clock.GetUtcNow();
            if (_layer is { } layer && now - layer.ReadAt < RefreshAfter)
            {
                return layer.Value;
            }
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                var overrides = db.SiteSettings.AsNoTracking().ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
                var merged = Merge(configured.CurrentValue, overrides);
                _layer = new Layer(merged, now);
                return merged;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or DbUpdateException)
            {
                // Before the first migration (verbs, start-up) or when the database is down: configuration alone.
                LogUnavailable(logger, e.Message);
                return configured.CurrentValue;
            }
        }
    }

    /// <summary>Forget the cached layer after a change, so the next read sees it.</summary>
    public void Invalidate() => _layer = null;

    /// <summary>A copy of <paramref name="baseline"/> with the overrides applied.</summary>
    public static SiteOptions Merge(SiteOptions baseline, IReadOnlyDictionary<string, string> overrides)
    {
        var copy = JsonSerializer.Deserialize<SiteOptions>(JsonSerializer.Serialize(baseline))!;
        foreach (var (key, value) in overrides)
        {
            EditableSettings.Find(key)?.Write(copy, value);
        }
        return copy;
    }

    /// <summary>The configuration alone, for showing where each value comes from.</summary>
    public SiteOptions Configured => configured.CurrentValue;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site settings overrides unavailable, using configuration only: {Reason}")]
    static partial void LogUnavailable(ILogger logger, string reason);
}
