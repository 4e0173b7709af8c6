using Microsoft.AspNetCore.OutputCaching;

namespace Suzhou.News.Site;

/// <summary>
/// Output-cache tags for public pages, and their eviction. Every public page carries <see cref="All"/> plus the
/// tags of what it shows; the save path calls <see cref="ArticleChangedAsync"/> after a publish, update, retract
/// or delete commits, so readers see the change on their next request.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store)
{
    public const string All = "public";
    public const string Home = "home";
    public const string Lists = "lists";
    public const string Feeds = "feeds";

    public static string Article(int number) => $"article:{number}";
    public static string Channel(string slug) => $"channel:{slug}";
    public static string Topic(string slug) => $"topic:{slug}";

    /// <summary>
    /// An article became visible, changed or disappeared: its page, the home page, every list and feed.
    /// Lists are evicted as a group because an article moves between channels, counties, topics and tags.
    /// </summary>
    public async Task ArticleChangedAsync(int number, CancellationToken ct = default)
    {
        await store.EvictByTagAsync(Article(number), ct);
        await store.EvictByTagAsync(Home, ct);
        await store.EvictByTagAsync(Lists, ct);
        await store.EvictByTagAsync(Feeds, ct);
    }

    /// <summary>Channels or topics were edited: navigation appears on every page, so everything goes.</summary>
    public Task EverythingChangedAsync(CancellationToken ct = default) => store.EvictByTagAsync(All, ct).AsTask();
}
