using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Site;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Articles;

/// <summary>置顶 order across pages, and list totals that follow content changes (they are kept in memory).</summary>
public sealed class PinnedAndTotalsTests : IDisposable
{
    readonly NewsApp _app = new(new() { ["Site:PageSize"] = "5" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Pinned_stories_lead_the_channel_and_every_story_appears_once_across_the_pages()
    {
        List<int> bendi, pinned;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var channelId = await db.Channels.Where(c => c.Slug == "bendi").Select(c => c.Id).SingleAsync();
            bendi = await db.Articles.Where(a => a.ChannelId == channelId && a.Status == ArticleStatus.Published)
                .OrderByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Number).Select(a => a.Number).ToListAsync();
            // Pin the two oldest: they must jump to the top, newest of them first.
            int[] oldest = [bendi[^1], bendi[^2]];
            await db.Articles.Where(a => oldest.Contains(a.Number)).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsPinned, true));
            pinned = await db.Articles.Where(a => a.ChannelId == channelId && a.IsPinned).Select(a => a.Number).ToListAsync();
        }
        await _app.Services.GetRequiredService<PublicCache>().ArticleChangedAsync(bendi[^1]);

        var seen = new List<int>();
        var reader = _app.CreateReader();
        for (var page = 1; ; page++)
        {
            var html = await reader.GetPageAsync(page == 1 ? "/channel/bendi" : $"/channel/bendi?page={page}");
            seen.AddRange(html.QuerySelectorAll(".card-title a").Select(a => Number(a.GetAttribute("href")!)));
            if (html.QuerySelector("nav.pagination a[rel='next']") is null)
            {
                break;
            }
        }

        Assert.True(bendi.Count > 5, "the seed channel spans several pages of 5");
        Assert.Equal([.. bendi.Where(pinned.Contains), .. bendi.Where(n => !pinned.Contains(n))], seen.Where(bendi.Contains).ToList());
        Assert.Equal(bendi[^2], seen[pinned.Count - 2]); // an old story, pinned, comes before every unpinned one
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_channel_total_follows_content_changes()
    {
        var reader = _app.CreateReader();
        var before = (await reader.GetPageAsync("/channel/bendi")).One("nav.pagination").Text();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var bendiId = await db.Channels.Where(c => c.Slug == "bendi").Select(c => c.Id).SingleAsync();
            var moved = await db.Articles.Where(a => a.Status == ArticleStatus.Published && a.ChannelId != bendiId && a.CountyId == null)
                .OrderBy(a => a.Number).Take(7).ToListAsync();
            moved.ForEach(a => a.ChannelId = bendiId);
            await db.SaveChangesAsync();
        }
        await _app.Services.GetRequiredService<PublicCache>().ArticleChangedAsync(246001);
        var after = (await reader.GetPageAsync("/channel/bendi")).One("nav.pagination").Text();

        Assert.NotEqual(Pages(before), Pages(after));
        Assert.True(Pages(after) > Pages(before));
    }

    static int Number(string href) => int.Parse(href[(href.LastIndexOf('_') + 1)..href.IndexOf(".html", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"第 1 页，共 4 页" → 4.</summary>
    static int Pages(string pagination)
    {
        var match = System.Text.RegularExpressions.Regex.Match(pagination, @"共 (\d+) 页");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
