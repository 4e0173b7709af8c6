using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Suzhou.News.Cluster;

namespace Suzhou.News.Site;

/// <summary>
/// Output-cache tags for public pages, and their eviction. Every public page carries <see cref="All"/> plus the
/// tags of what it shows; the save path calls <see cref="ArticleChangedAsync"/> after a publish, update, retract
/// or delete commits, so readers see the change on their next request.
/// With several nodes the store is Redis, so eviction reaches every node; the in-memory pieces behind
/// <see cref="ContentToken"/> are per node, so the other nodes are told through <see cref="ChangeNotices"/> first.
/// </summary>
public sealed partial class PublicCache(IOutputCacheStore store, ChangeNotices notices, ILogger<PublicCache> logger) : IDisposable
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
        DropMemory();
        // Before the eviction: a node that renders the page anew must not fill it from its old memory.
        await notices.AnnounceAsync(ChangeKind.Content);
        await EvictAsync([Article(number), Home, Lists, Feeds], ct);
    }

    /// <summary>Channels or topics were edited: navigation appears on every page, so everything goes.</summary>
    public async Task EverythingChangedAsync(CancellationToken ct = default)
    {
        DropMemory();
        await notices.AnnounceAsync(ChangeKind.Everything);
        await EvictAsync([All], ct);
    }

    async Task EvictAsync(string[] tags, CancellationToken ct)
    {
        try
        {
            foreach (var tag in tags)
            {
                await store.EvictByTagAsync(tag, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A shared store (Redis) that is away must not fail the save that has already committed; its pages
            // then live out their cache lifetime (OutputCache:ListSeconds / PageSeconds).
            LogEvictionFailed(logger, string.Join(", ", tags), e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not evict cached pages tagged {Tags}")]
    static partial void LogEvictionFailed(ILogger logger, string tags, Exception exception);

    /// <summary>
    /// Expires with the next change to any article, channel or topic: for the in-memory pieces pages share
    /// (sidebar lists, an article's neighbours and related stories), so an uncached page is cheap too.
    /// </summary>
    public IChangeToken ContentToken => new CancellationChangeToken(Volatile.Read(ref _content).Token);

    /// <summary>Expires <see cref="ContentToken"/> on this node only (another node's change arrived).</summary>
    public void DropMemory()
    {
        using var old = Interlocked.Exchange(ref _content, new CancellationTokenSource());
        old.Cancel();
    }

    public void Dispose() => _content.Dispose();
}
