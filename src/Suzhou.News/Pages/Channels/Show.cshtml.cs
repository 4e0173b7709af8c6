using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Channels;

/// <summary>A channel or county page: its articles, newest first (置顶 on top), 20 to a page.</summary>
[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDbContext db, ChannelCatalog catalog, ListFacts facts, IOptions<SiteOptions> site) : PageModel
{
    public ChannelNode Channel { get; private set; } = null!;
    public ChannelNode? Parent { get; private set; }

    /// <summary>Sub-channels, or for a county its sibling counties.</summary>
    public IReadOnlyList<ChannelNode> Tabs { get; private set; } = [];
    public List<ArticleListItem> Items { get; private set; } = [];
    public Paging Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? pageText, CancellationToken ct)
    {
        var channels = await catalog.GetAsync(ct);
        var channel = channels.BySlug(slug);
        if (channel is null)
        {
            return NotFound();
        }
        if (channel.Kind == ChannelKind.Topics)
        {
            return RedirectPermanent("/topic");
        }
        if (pageText == "1")
        {
            return RedirectPermanent(channel.Url); // one URL per page
        }
        Channel = channel;
        Parent = channels.ById(channel.ParentId);
        Tabs = channel.Children.Count > 0 ? channel.Children : Parent?.Children ?? [];

        // A plain news channel lists its own articles, read through its (channel, status, date, number) index; a
        // county, or a parent such as 县区, also gathers its sub-channels and the stories tagged with the county.
        int[] ids = [channel.Id, .. channel.Children.Select(c => c.Id)];
        var query = channel.Kind == ChannelKind.News && channel.Children.Count == 0
            ? db.Articles.AsNoTracking().Public().Where(a => a.ChannelId == channel.Id)
            : db.Articles.AsNoTracking().Public().InChannels(ids);
        var (total, pinned) = await facts.GetAsync("channel", channel.Id, async () => (
            await query.CountAsync(ct),
            await query.Where(a => a.IsPinned && a.ChannelId == channel.Id).Newest().Select(a => a.Number).ToListAsync(ct)));
        if (Paging.For(total, pageText, site.Value.PageSize, channel.Url) is not { } paging)
        {
            return NotFound();
        }
        Paging = paging;

        // 置顶 stories lead page 1; the rest follow newest first, in index order, so a deep page stops after
        // skip + take index entries and reads only the rows it shows.
        if (pinned.Count == 0)
        {
            Items = await query.Newest().Skip(paging.Skip).Take(paging.PageSize).Select(ArticleListItem.Projection).ToListAsync(ct);
            return Page();
        }
        var numbers = pinned.Skip(paging.Skip).Take(paging.PageSize).ToList();
        if (numbers.Count < paging.PageSize)
        {
            numbers.AddRange(await query.Where(a => !pinned.Contains(a.Number)).Newest()
                .Skip(Math.Max(0, paging.Skip - pinned.Count)).Take(paging.PageSize - numbers.Count)
                .Select(a => a.Number)
                .ToListAsync(ct));
        }
        var rows = await db.Articles.AsNoTracking().Where(a => numbers.Contains(a.Number))
            .Select(ArticleListItem.Projection).ToDictionaryAsync(item => item.Number, ct);
        Items = numbers.Where(rows.ContainsKey).Select(n => rows[n]).ToList();
        return Page();
    }
}
