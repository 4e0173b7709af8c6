using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Search;
using Suzhou.News.Site;

namespace Suzhou.News.Pages.Search;

/// <summary>站内搜索: <c>/search?q=&amp;channel=&amp;range=&amp;page=</c>. Any query gives a normal page, never an error.</summary>
public sealed class IndexModel(ArticleSearch search, ChannelCatalog catalog, IOptions<SiteOptions> site, TimeProvider clock) : PageModel
{
    public sealed record RangeOption(string Value, string Label, TimeSpan? Span);

    public static readonly IReadOnlyList<RangeOption> Ranges =
    [
        new("", "不限时间", null),
        new("day", "一天内", TimeSpan.FromDays(1)),
        new("week", "一周内", TimeSpan.FromDays(7)),
        new("month", "一月内", TimeSpan.FromDays(31)),
        new("year", "一年内", TimeSpan.FromDays(366)),
    ];

    public string Query { get; private set; } = "";
    public bool WasShortened { get; private set; }
    public string ChannelSlug { get; private set; } = "";
    public string Range { get; private set; } = "";
    public IReadOnlyList<ChannelNode> ChannelChoices { get; private set; } = [];
    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public IReadOnlyList<string> Words { get; private set; } = [];
    public Paging? Paging { get; private set; }
    public ChannelCatalog.Snapshot Channels { get; private set; } = null!;

    /// <summary>The query had letters or digits to search for.</summary>
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? channel, string? range, [FromQuery(Name = "page")] string? pageText, CancellationToken ct)
    {
        Channels = await catalog.GetAsync(ct);
        ChannelChoices = [.. Channels.Roots.Where(c => c.Kind != ChannelKind.Topics), .. Channels.Counties];
        Query = SearchText.Clean(q);
        WasShortened = q is not null && q.Trim().Length > SearchText.MaxQueryLength;
        var chosen = channel is { Length: <= 40 } ? Channels.BySlug(channel) : null;
        ChannelSlug = chosen?.Slug ?? "";
        var rangeOption = Ranges.FirstOrDefault(r => r.Value == range) ?? Ranges[0];
        Range = rangeOption.Value;
        Words = SearchText.Highlights(Query);

        if (Paging.ParsePage(pageText) is not { } page)
        {
            return NotFound();
        }
        if (SearchText.ToMatch(Query) is null)
        {
            return Page();
        }
        Searched = true;
        var pageSize = site.Value.PageSize;
        var request = new SearchRequest(Query,
            chosen is null ? null : [chosen.Id, .. chosen.Children.Select(c => c.Id)],
            rangeOption.Span is { } span ? clock.GetUtcNow().UtcDateTime - span : null,
            page, pageSize);
        Results = await search.SearchAsync(request, ct);
        Paging = new Paging(page, pageSize, Results.Total, BasePath());
        if (page > Paging.TotalPages)
        {
            return NotFound();
        }
        return Page();
    }

    string BasePath()
    {
        var query = new Dictionary<string, string?> { ["q"] = Query };
        if (ChannelSlug.Length > 0)
        {
            query["channel"] = ChannelSlug;
        }
        if (Range.Length > 0)
        {
            query["range"] = Range;
        }
        return QueryHelpers.AddQueryString("/search", query);
    }
}
