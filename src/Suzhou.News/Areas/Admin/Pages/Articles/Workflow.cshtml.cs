using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;
using Suzhou.News.Site;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>
/// Editors only (the whole page, so no handler here is reachable by a reporter): publish, schedule, return to
/// draft, retract and correct. Each handler validates, calls <see cref="ArticleWorkflow"/>, and redirects back.
/// </summary>
[Authorize(Policy = Policies.Editing)]
public sealed class WorkflowModel(NewsDbContext db, ArticleWorkflow workflow, TimeProvider clock) : PageModel
{
    public Article Article { get; private set; } = null!;
    public IReadOnlyList<ArticleEvent> History { get; private set; } = [];

    /// <summary>Beijing wall-clock time, as a <c>datetime-local</c> input sends it.</summary>
    [BindProperty]
    [Display(Name = "发布时间（北京时间）")]
    public string? PublishAt { get; set; }

    [BindProperty]
    [StringLength(ArticleEvent.NoteMaxLength, ErrorMessage = "说明不能超过 {1} 个字")]
    [Display(Name = "说明")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Article.Status == ArticleStatus.Scheduled && Article.PublishAt is { } at)
        {
            PublishAt = BeijingTime.FromUtc(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        StepAsync(id, a => workflow.PublishAsync(a, Actor.From(User), ct), "已发布，首页与栏目已更新。", ct);

    public Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(PublishAt) || !BeijingTime.TryParse(PublishAt, out var atUtc))
        {
            ModelState.AddModelError(nameof(PublishAt), "请填写发布时间，例如 2026-12-01 08:00");
            return StepAsync(id, null, "", ct);
        }
        return StepAsync(id, a => workflow.ScheduleAsync(a, atUtc, Actor.From(User), ct), $"已排期，将于 {BeijingTime.Format(atUtc)} 自动发布。", ct);
    }

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        StepAsync(id, a => workflow.ReturnToDraftAsync(a, Blank(Reason), Actor.From(User), ct), "已退回为草稿。", ct);

    public Task<IActionResult> OnPostRetractAsync(int id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "撤回须写明原因");
            return StepAsync(id, null, "", ct);
        }
        return StepAsync(id, a => workflow.RetractAsync(a, Reason.Trim(), Actor.From(User), ct), "已撤回：网站各处不再显示这篇稿件。", ct);
    }

    public Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "请填写更正内容");
            return StepAsync(id, null, "", ct);
        }
        return StepAsync(id, a => workflow.CorrectAsync(a, Reason.Trim(), Actor.From(User), ct), "更正已附在文末。", ct);
    }

    async Task<IActionResult> StepAsync(int id, Func<Article, Task<ArticleWorkflow.Refusal?>>? step, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (step is null || !ModelState.IsValid)
        {
            return Page();
        }
        if (await step(Article) is { } refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Flash"] = done;
        return Redirect($"/admin/articles/{id}/workflow");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.Status != ArticleStatus.Deleted, ct);
        if (article is null)
        {
            return false;
        }
        Article = article;
        History = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return true;
    }

    public string NowLocal => BeijingTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
