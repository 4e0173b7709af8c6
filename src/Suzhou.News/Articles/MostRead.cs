using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;

namespace Suzhou.News.Articles;

/// <summary>排行: the most-read public articles over the last hours, overall or within some channels.</summary>
public sealed class MostRead(NewsDbContext db, IMemoryCache cache, IOptions<ReadingOptions> options, TimeProvider clock)
{
    public sealed record Entry(ArticleListItem Item, long Views);

    public async Task<IReadOnlyList<Entry>> TopAsync(int hours, IReadOnlyCollection<int>? channelIds = null, int count = 10, CancellationToken ct = default)
    {
        var key = $"most-read:{hours}:{count}:{(channelIds is null ? "" : string.Join(',', channelIds))}";
        if (cache.TryGetValue(key, out IReadOnlyList<Entry>? cached) && cached is not null)
        {
            return cached;
        }
        var from = ViewCounter.CurrentHour(clock) - hours + 1;
        var articles = db.Articles.AsNoTracking().Public();
        if (channelIds is { Count: > 0 })
        {
            articles = articles.InChannels(channelIds);
        }
        var top = await db.ArticleViewBuckets.AsNoTracking()
            .Where(b => b.Hour >= from)
            .GroupBy(b => b.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(b => (long)b.Count) })
            .Where(g => articles.Any(a => a.Id == g.ArticleId))
            .OrderByDescending(g => g.Views).ThenByDescending(g => g.ArticleId)
            .Take(count)
            .ToListAsync(ct);
        var ids = top.Select(t => t.ArticleId).ToList();
        var items = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, Item = new ArticleListItem(a.Number, a.Title, a.Kicker, a.Summary, a.FirstPublishedAt!.Value, a.ChannelId, a.CountyId, null, null, null, null) })
            .ToDictionaryAsync(x => x.Id, x => x.Item, ct);
        IReadOnlyList<Entry> result = top.Where(t => items.ContainsKey(t.ArticleId)).Select(t => new Entry(items[t.ArticleId], t.Views)).ToList();
        if (options.Value.MostReadCacheSeconds > 0)
        {
            cache.Set(key, result, TimeSpan.FromSeconds(options.Value.MostReadCacheSeconds));
        }
        return result;
    }
}
