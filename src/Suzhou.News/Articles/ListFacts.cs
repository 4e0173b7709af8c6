using Microsoft.Extensions.Caching.Memory;
using Suzhou.News.Site;

namespace Suzhou.News.Articles;

/// <summary>
/// Facts about whole lists — how many articles a channel, tag or topic has, which of a channel's stories are 置顶 —
/// kept in memory until some article, channel or topic changes. Every page of a list shows its total, and
/// counting a big channel walks its whole index; the answer only changes when content does.
/// </summary>
public sealed class ListFacts(IMemoryCache memory, PublicCache cache)
{
    public async Task<T> GetAsync<T>(string list, object key, Func<Task<T>> read)
    {
        var value = await memory.GetOrCreateAsync((nameof(ListFacts), list, key), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            entry.AddExpirationToken(cache.ContentToken);
            return await read();
        });
        return value!;
    }
}
