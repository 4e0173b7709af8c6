using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;
using Suzhou.News.Site;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Areas.Admin.Pages.Inbox;

/// <summary>
/// 线索与举报: editors and admins see every tip and report, reporters the tips assigned to them.
/// Overdue reports come first, then the newest.
/// </summary>
public sealed class IndexModel(NewsDbContext db, ChannelCatalog catalog, TimeProvider clock) : PageModel
{
    const int PageSize = 50;

    public sealed record Row(
        int Id, SubmissionKind Kind, string ReceiptNumber, string? Title, ReportCategory? Category, string? ReportedUrl,
        string Body, SubmissionStatus Status, DateTime ReceivedAt, DateTime? DueAt, bool Overdue, string? AssignedTo,
        int? CountyId, int Attachments);

    [FromQuery(Name = "kind")] public SubmissionKind? Kind { get; set; }
    [FromQuery(Name = "status")] public SubmissionStatus? Status { get; set; }
    [FromQuery(Name = "category")] public ReportCategory? Category { get; set; }
    [FromQuery(Name = "county")] public int? County { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ChannelNode> Counties { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasNext { get; private set; }
    public int OverdueCount { get; private set; }
    public string? FilterError { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken ct = default)
    {
        if (page is < 1 or > 100_000 || !ModelState.IsValid)
        {
            return NotFound();
        }
        PageNumber = page;
        Counties = (await catalog.GetAsync(ct)).Counties;
        var now = clock.GetUtcNow().UtcDateTime;

        var query = db.Submissions.AsNoTracking().VisibleTo(User);
        if (Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }
        if (Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }
        if (Category is { } category)
        {
            query = query.Where(s => s.Category == category);
        }
        if (County is { } county)
        {
            query = query.Where(s => s.CountyId == county);
        }
        if (ParseDay(From) is { } from)
        {
            query = query.Where(s => s.ReceivedAt >= from);
        }
        if (ParseDay(To) is { } to)
        {
            var end = to.AddDays(1);
            query = query.Where(s => s.ReceivedAt < end);
        }

        OverdueCount = await query.CountAsync(s => s.Kind == SubmissionKind.Report
            && s.Status != SubmissionStatus.Closed && s.Status != SubmissionStatus.Published && s.DueAt < now, ct);
        var rows = await query
            .OrderByDescending(s => s.Kind == SubmissionKind.Report
                && s.Status != SubmissionStatus.Closed && s.Status != SubmissionStatus.Published && s.DueAt < now)
            .ThenByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(s => new Row(
                s.Id, s.Kind, s.ReceiptNumber, s.Title, s.Category, s.ReportedUrl,
                s.Body,
                s.Status, s.ReceivedAt, s.DueAt, false,
                db.Users.Where(u => u.Id == s.AssignedToId).Select(u => u.DisplayName).FirstOrDefault(),
                s.CountyId, s.Attachments.Count))
            .ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize)
            .Select(r => r with { Overdue = InboxAccess.IsOverdue(r.Kind, r.Status, r.DueAt, now), Body = Clip(r.Body) })
            .ToList();
        return Page();
    }

    // A date filter the browser's date input sends: a Beijing day, as UTC bounds. Anything else is ignored.
    DateTime? ParseDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return BeijingTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
        }
        FilterError = "日期格式应为 年-月-日，该条件未生效";
        return null;
    }

    static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    public string? CountyName(int? id) => Counties.FirstOrDefault(c => c.Id == id)?.Name;
}
