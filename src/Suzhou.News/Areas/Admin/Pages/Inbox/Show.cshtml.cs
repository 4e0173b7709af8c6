using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Areas.Admin.Pages.Inbox;

/// <summary>
/// One tip or report: everything the sender typed (encoded), the files, the history and internal notes, and
/// the actions. Editors assign, reply, change status, link the published article; the assigned reporter
/// works the tip (notes, 处理中, a draft). Anyone else gets 404, as if it did not exist.
/// </summary>
public sealed class ShowModel(
    NewsDbContext db, UserManager<NewsUser> users, ChannelCatalog catalog, TipDrafts drafts, TimeProvider clock) : PageModel
{
    public Submission Item { get; private set; } = null!;
    public string? CountyName { get; private set; }
    public string? AssignedName { get; private set; }
    public IReadOnlyList<(string Id, string Name)> Reporters { get; private set; } = [];
    public bool CanEdit => User.CanEditAll();
    public bool IsAssignee => Item.AssignedToId is not null && Item.AssignedToId == User.Id();
    public bool CanWork => CanEdit || IsAssignee;
    public string? ArticleUrl { get; private set; }
    public string? ArticleTitle { get; private set; }

    public bool IsOverdue => InboxAccess.IsOverdue(Item.Kind, Item.Status, Item.DueAt, clock.GetUtcNow().UtcDateTime);

    /// <summary>Statuses this user may set by hand (assignment and publication have their own forms).</summary>
    public IReadOnlyList<SubmissionStatus> Settable => CanEdit
        ? [SubmissionStatus.Received, SubmissionStatus.InProgress, SubmissionStatus.Closed]
        : IsAssignee ? [SubmissionStatus.InProgress] : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(int id, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError("note", "请填写备注内容");
        }
        else if (note.Length > SubmissionEvent.NoteMaxLength)
        {
            ModelState.AddModelError("note", $"备注不能超过 {SubmissionEvent.NoteMaxLength} 个字");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        AddEvent(null, note);
        return await SaveAsync("备注已添加", ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, string? reporterId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var reporter = Reporters.FirstOrDefault(r => !string.IsNullOrEmpty(reporterId) && r.Id == reporterId);
        if (Item.Kind != SubmissionKind.Tip)
        {
            ModelState.AddModelError("reporterId", "举报由编辑处理，不分派给记者");
        }
        else if (reporter.Id is null)
        {
            ModelState.AddModelError("reporterId", "请从列表中选择一位记者");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Item.AssignedToId = reporter.Id;
        if (Item.Status is SubmissionStatus.Received or SubmissionStatus.Assigned)
        {
            Item.Status = SubmissionStatus.Assigned;
        }
        AddEvent(SubmissionStatus.Assigned, $"分派给 {reporter.Name}");
        return await SaveAsync($"已分派给 {reporter.Name}", ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, SubmissionStatus? status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Settable.Count == 0)
        {
            return Forbid();
        }
        if (status == Item.Status)
        {
            // The list starts at the current status (已分派 and 已见报 are set by their own forms): saving it unchanged
            // must not move the item anywhere.
            TempData["Flash"] = "状态未变。";
            return RedirectToPage(new { id });
        }
        if (status is not { } target || !Settable.Contains(target))
        {
            ModelState.AddModelError("status", "请从列表中选择状态");
            return Page();
        }
        SetStatus(target);
        AddEvent(target, null);
        return await SaveAsync($"状态已改为“{target.Name()}”", ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, string? reply, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        reply = reply?.Trim();
        if (reply?.Length > Submission.ReplyMaxLength)
        {
            ModelState.AddModelError("reply", $"答复不能超过 {Submission.ReplyMaxLength} 个字");
            return Page();
        }
        Item.PublicReply = string.IsNullOrEmpty(reply) ? null : reply;
        AddEvent(null, Item.PublicReply is null ? "撤下公开答复" : "更新公开答复");
        return await SaveAsync("公开答复已保存，提交人凭回执号和查询码可以看到", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int? articleNumber, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (Item.Kind != SubmissionKind.Tip)
        {
            ModelState.AddModelError("articleNumber", "只有新闻爆料可以关联刊发的文章");
        }
        else if (articleNumber is not { } number || !await db.Articles.AnyAsync(a => a.Number == number, ct))
        {
            ModelState.AddModelError("articleNumber", "没有这个编号的文章，请填写文章地址中 content_ 后面的数字");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Item.ArticleNumber = articleNumber;
        SetStatus(SubmissionStatus.Published);
        AddEvent(SubmissionStatus.Published, $"刊发为文章 {articleNumber}");
        return await SaveAsync($"已关联文章 {articleNumber}，提交人的查询页会链接到这篇报道（发布后）", ct);
    }

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanWork)
        {
            return Forbid();
        }
        if (Item.Kind != SubmissionKind.Tip)
        {
            ModelState.AddModelError("", "只有新闻爆料可以生成草稿");
            return Page();
        }
        var number = await drafts.CreateAsync(Item, Actor.From(User), ct);
        if (Item.Status is SubmissionStatus.Received or SubmissionStatus.Assigned)
        {
            SetStatus(SubmissionStatus.InProgress);
            AddEvent(SubmissionStatus.InProgress, null);
        }
        AddEvent(null, $"由此线索生成草稿，文章编号 {number}");
        return await SaveAsync($"已生成草稿，文章编号 {number}", ct);
    }

    void SetStatus(SubmissionStatus status)
    {
        Item.Status = status;
        Item.HandledAt = InboxAccess.IsOpen(status) ? null : clock.GetUtcNow().UtcDateTime;
    }

    void AddEvent(SubmissionStatus? status, string? note) => Item.Events.Add(new SubmissionEvent
    {
        At = clock.GetUtcNow().UtcDateTime,
        Status = status,
        Note = note,
        Actor = User.DisplayName(),
    });

    async Task<IActionResult> SaveAsync(string flash, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = flash;
        return RedirectToPage(new { id = Item.Id });
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.Submissions.VisibleTo(User)
            .Include(s => s.Attachments.OrderBy(a => a.Id))
            .Include(s => s.Events.OrderBy(e => e.At).ThenBy(e => e.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (item is null)
        {
            return false;
        }
        Item = item;
        CountyName = (await catalog.GetAsync(ct)).ById(item.CountyId)?.Name;
        if (item.AssignedToId is { } assignee)
        {
            AssignedName = await db.Users.Where(u => u.Id == assignee).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }
        if (CanEdit && item.Kind == SubmissionKind.Tip)
        {
            Reporters = (await users.GetUsersInRoleAsync(Roles.Reporter))
                .OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => (u.Id, u.DisplayName)).ToList();
        }
        if (item.ArticleNumber is { } number)
        {
            var article = await db.Articles.AsNoTracking().Where(a => a.Number == number)
                .Select(a => new { a.Title, a.Status, a.FirstPublishedAt }).FirstOrDefaultAsync(ct);
            ArticleTitle = article?.Title;
            ArticleUrl = article is { Status: ArticleStatus.Published, FirstPublishedAt: { } first } ? ArticlePath.For(number, first) : null;
        }
        return true;
    }
}
