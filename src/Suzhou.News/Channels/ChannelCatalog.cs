using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;

namespace Suzhou.News.Channels;

/// <summary>A channel as pages see it.</summary>
public sealed record ChannelNode(int Id, string Slug, string Name, string? Description, ChannelKind Kind, int? ParentId, bool Hidden = false)
{
    public List<ChannelNode> Children { get; } = [];

    public string Url => Kind == ChannelKind.Topics ? "/topic" : "/channel/" + Slug;
}

/// <summary>
/// The channel tree, read once and kept in memory: every page's navigation needs it, and it changes
/// only when an admin or an import edits channels (they call <see cref="Invalidate"/>).
/// </summary>
public sealed partial class ChannelCatalog(IServiceScopeFactory scopes, ILogger<ChannelCatalog> logger)
{
    volatile Snapshot? _snapshot;

    public sealed class Snapshot(List<ChannelNode> all)
    {
        public IReadOnlyList<ChannelNode> Roots { get; } = all.Where(c => c.ParentId is null && !c.Hidden).ToList();
        public IReadOnlyList<ChannelNode> Counties { get; } = all.Where(c => c.Kind == ChannelKind.County && !c.Hidden).ToList();
        readonly Dictionary<string, ChannelNode> _bySlug = all.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        readonly Dictionary<int, ChannelNode> _byId = all.ToDictionary(c => c.Id);

        public ChannelNode? BySlug(string slug) => _bySlug.GetValueOrDefault(slug);
        public ChannelNode? ById(int id) => _byId.GetValueOrDefault(id);
        public ChannelNode? ById(int? id) => id is { } i ? ById(i) : null;
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } ready)
        {
            return ready;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var all = await db.Channels.AsNoTracking()
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new ChannelNode(c.Id, c.Slug, c.Name, c.Description, c.Kind, c.ParentId, c.Hidden))
            .ToListAsync(ct);
        var byId = all.ToDictionary(c => c.Id);
        foreach (var child in all.Where(c => c.ParentId is not null && !c.Hidden))
        {
            byId.GetValueOrDefault(child.ParentId!.Value)?.Children.Add(child);
        }
        return _snapshot = new Snapshot(all);
    }

    /// <summary>For the page chrome: the error page must still render when the database is what failed.</summary>
    public async ValueTask<Snapshot?> TryGetAsync(CancellationToken ct = default)
    {
        try
        {
            return await GetAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotLoaded(logger, e);
            return null;
        }
    }

    public void Invalidate() => _snapshot = null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the channel tree for the navigation bar")]
    static partial void LogNotLoaded(ILogger logger, Exception exception);
}
