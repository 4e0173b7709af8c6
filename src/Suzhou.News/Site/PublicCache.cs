using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace Suzhou.News.Site;

/// <summary>
/// Output-cache tags for public pages, and their eviction. Every public page carries <see cref="All"/> plus the
/// tags of what it shows; the save path calls <see cref="ArticleChangedAsync"/> after a publish, update, retract
/// or delete commits, so readers see the change on their next request.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store) : IDisposable
{
    CancellationTokenSource _content = new();

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
        ContentChanged();
        await store.EvictByTagAsync(Article(number), ct);
        await store.EvictByTagAsync(Home, ct);
        await store.EvictByTagAsync(Lists, ct);
        await store.EvictByTagAsync(Feeds, ct);
    }

    /// <summary>Channels or topics were edited: navigation appears on every page, so everything goes.</summary>
    public Task EverythingChangedAsync(CancellationToken ct = default)
    {
        ContentChanged();
        return store.EvictByTagAsync(All, ct).AsTask();
    }

    /// <summary>
    /// Expires with the next change to any article, channel or topic: for the in-memory pieces pages share
    /// (sidebar lists, an article's neighbours and related stories), so an uncached page is cheap too.
    /// </summary>
    public IChangeToken ContentToken => new CancellationChangeToken(Volatile.Read(ref _content).Token);

    void ContentChanged()
    {
        using var old = Interlocked.Exchange(ref _content, new CancellationTokenSource());
        old.Cancel();
    }

    public void Dispose() => _content.Dispose();
}
