using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>稿件列表: filters by status, channel, author and text; sortable; paged. Reporters see only their own.</summary>
public sealed class IndexModel(NewsDbContext db, ChannelCatalog catalog, IOptions<NewsroomOptions> options) : PageModel
{
    public sealed record Row(int Id, int Number, string Title, ArticleStatus Status, int ChannelId, string? AuthorId,
        DateTime CreatedAt, DateTime? PublishAt, DateTime? FirstPublishedAt, string Byline)
    {
        public string? PublicUrl => Status == ArticleStatus.Published && FirstPublishedAt is { } at ? ArticlePath.For(Number, at) : null;
    }

    public sealed record Option(string Value, string Label);

    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [FromQuery(Name = "channel")] public int? ChannelFilter { get; set; }
    [FromQuery(Name = "author")] public string? AuthorFilter { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Option> Channels { get; private set; } = [];
    public IReadOnlyList<Option> Authors { get; private set; } = [];
    public Dictionary<string, string> AuthorNames { get; private set; } = [];
    public Dictionary<int, string> ChannelNames { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int TotalPages { get; private set; } = 1;
    public int Total { get; private set; }

    public static readonly IReadOnlyList<Option> Sorts =
    [
        new("updated", "最近新建"), new("published", "发布时间"), new("number", "编号"), new("title", "标题"),
    ];

    public static readonly IReadOnlyList<ArticleStatus> Statuses =
        [ArticleStatus.Draft, ArticleStatus.InReview, ArticleStatus.Scheduled, ArticleStatus.Published, ArticleStatus.Retracted];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        if (Suzhou.News.Articles.Paging.ParsePage(page) is not { } pageNumber || pageNumber > 100_000)
        {
            return NotFound();
        }
        var actor = Actor.From(User);
        var channels = await catalog.GetAsync(ct);
        ChannelNames = channels.Roots.SelectMany(r => r.Children.Prepend(r)).ToDictionary(c => c.Id, c => c.Name);
        Channels = channels.Roots.SelectMany(r => r.Children.Prepend(r)).Where(c => c.Kind != ChannelKind.Topics)
            .Select(c => new Option(c.Id.ToString(CultureInfo.InvariantCulture), c.ParentId is null ? c.Name : "　" + c.Name)).ToList();

        var query = db.Articles.AsNoTracking().VisibleTo(actor).Where(a => a.Status != ArticleStatus.Deleted);
        if (Enum.TryParse<ArticleStatus>(StatusFilter, ignoreCase: true, out var status) && Statuses.Contains(status))
        {
            query = query.Where(a => a.Status == status);
        }
        if (ChannelFilter is { } channelId)
        {
            query = query.Where(a => a.ChannelId == channelId || a.CountyId == channelId);
        }
        if (actor.CanEditAll && !string.IsNullOrWhiteSpace(AuthorFilter))
        {
            query = query.Where(a => a.AuthorId == AuthorFilter);
        }
        if (!string.IsNullOrWhiteSpace(Text) && Text.Length <= 100)
        {
            var text = Text.Trim();
            query = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? query.Where(a => a.Number == number || a.Title.Contains(text))
                : query.Where(a => a.Title.Contains(text) || (a.Kicker != null && a.Kicker.Contains(text)) || a.Credits.Any(c => c.Name == text));
        }
        query = Sort switch
        {
            // Never-published drafts last, said outright: SQLite and PostgreSQL put NULLs at opposite ends.
            "published" => query.OrderBy(a => (a.FirstPublishedAt ?? a.PublishAt) == null)
                .ThenByDescending(a => a.FirstPublishedAt ?? a.PublishAt).ThenByDescending(a => a.Id),
            "number" => query.OrderByDescending(a => a.Number),
            "title" => query.OrderBy(a => a.Title).ThenByDescending(a => a.Id),
            _ => query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id),
        };

        var size = options.Value.PageSize;
        Total = await query.CountAsync(ct);
        TotalPages = Math.Max(1, (Total + size - 1) / size);
        if (pageNumber > TotalPages)
        {
            return NotFound();
        }
        PageNumber = pageNumber;
        var rows = await query.Skip((pageNumber - 1) * size).Take(size)
            .Select(a => new { a.Id, a.Number, a.Title, a.Status, a.ChannelId, a.AuthorId, a.CreatedAt, a.PublishAt, a.FirstPublishedAt, Credits = a.Credits.Where(c => c.Role == CreditRole.Reporter).OrderBy(c => c.Position).Select(c => c.Name).ToList() })
            .ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.Id, r.Number, r.Title, r.Status, r.ChannelId, r.AuthorId, r.CreatedAt, r.PublishAt, r.FirstPublishedAt, string.Join(" ", r.Credits))).ToList();

        var staff = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        AuthorNames = staff.ToDictionary(u => u.Id, u => u.DisplayName);
        Authors = actor.CanEditAll ? staff.Select(u => new Option(u.Id, u.DisplayName)).ToList() : [];
        return Page();
    }

    public string UrlFor(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/articles",
        new Dictionary<string, string?>
    {
        ["status"] = StatusFilter,
        ["channel"] = ChannelFilter?.ToString(CultureInfo.InvariantCulture),
        ["author"] = AuthorFilter,
        ["q"] = Text,
        ["sort"] = Sort,
        ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
