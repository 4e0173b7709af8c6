using Microsoft.AspNetCore.Mvc;
using Suzhou.News.Channels;

namespace Suzhou.News.Articles;

/// <summary>排行: most read in the last 24 hours and 7 days, for the whole site or one channel (with its sub-channels).</summary>
public sealed class MostReadViewComponent(MostRead mostRead, ChannelCatalog catalog) : ViewComponent
{
    public sealed record MostReadView(string? ChannelName, IReadOnlyList<MostRead.Entry> Day, IReadOnlyList<MostRead.Entry> Week);

    public async Task<IViewComponentResult> InvokeAsync(string? channel = null)
    {
        var ct = HttpContext.RequestAborted;
        IReadOnlyCollection<int>? ids = null;
        string? name = null;
        if (channel is not null && (await catalog.GetAsync(ct)).BySlug(channel) is { } node)
        {
            ids = [node.Id, .. node.Children.Select(c => c.Id)];
            name = node.Name;
        }
        var day = await mostRead.TopAsync(24, ids, 10, ct);
        var week = await mostRead.TopAsync(24 * 7, ids, 10, ct);
        return View(new MostReadView(name, day, week));
    }
}
