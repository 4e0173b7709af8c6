using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Domain;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Channels;

/// <summary>A channel or county page: its articles, newest first (置顶 on top), 20 to a page.</summary>
[OutputCache(PolicyName = PublicPagePolicy.List)]
public sealed class ShowModel(NewsDbContext db, ChannelCatalog catalog, IOptions<SiteOptions> site) : PageModel
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

        int[] ids = [channel.Id, .. channel.Children.Select(c => c.Id)];
        var query = db.Articles.AsNoTracking().Public().InChannels(ids);
        if (await Paging.ForAsync(query, pageText, site.Value.PageSize, channel.Url, ct) is not { } paging)
        {
            return NotFound();
        }
        Paging = paging;
        // Numbers first, from the covering list index alone; then only this page's rows are read.
        var numbers = await query
            .OrderByDescending(a => a.IsPinned && a.ChannelId == channel.Id)
            .ThenByDescending(a => a.FirstPublishedAt).ThenByDescending(a => a.Number)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(a => a.Number)
            .ToListAsync(ct);
        Items = (await db.Articles.AsNoTracking().Where(a => numbers.Contains(a.Number)).Select(ArticleListItem.Projection).ToListAsync(ct))
            .OrderBy(item => numbers.IndexOf(item.Number))
            .ToList();
        return Page();
    }
}
