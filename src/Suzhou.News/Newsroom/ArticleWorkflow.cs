using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Newsroom;

/// <summary>
/// The publishing workflow: 草稿 → 待审 → 已排期 → 已发布 → 已撤回, plus corrections and the recycle bin.
/// Every step records who and when (<see cref="ArticleEvent"/>), the audited ones go to the audit log in the
/// same commit, and anything that changes what readers see evicts the public caches after it commits.
/// Callers check roles; these methods check that the step makes sense for the article's status.
/// </summary>
public sealed partial class ArticleWorkflow(
    NewsDbContext db,
    ArticleWriter writer,
    AuditLog audit,
    PublicCache cache,
    TimeProvider clock,
    ILogger<ArticleWorkflow> logger)
{
    /// <summary>A step that does not apply, with the reason in Chinese; null when it went through.</summary>
    public sealed record Refusal(string Message);

    public static bool CanPublishFrom(ArticleStatus s) => s is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Scheduled or ArticleStatus.Retracted;
    public static bool CanScheduleFrom(ArticleStatus s) => s is ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Scheduled or ArticleStatus.Retracted;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>送审: the author (or an editor) hands a draft to the editors.</summary>
    public Task<Refusal?> SubmitAsync(Article article, Actor actor, CancellationToken ct) =>
        article.Status != ArticleStatus.Draft
            ? Refused("只有草稿可以送审")
            : MoveAsync(article, ArticleStatus.InReview, actor, null, null, ct);

    /// <summary>
    /// Publishes now: renders the body again, stamps the first-published time (kept on republishing, so the URL
    /// never moves), and evicts the home page, lists, feeds and the article. The button and the scheduler both use it.
    /// </summary>
    public async Task<Refusal?> PublishAsync(Article article, Actor actor, CancellationToken ct)
    {
        if (!CanPublishFrom(article.Status))
        {
            return new Refusal($"{article.Status.Label()}的稿件不能发布");
        }
        writer.Render(article);
        article.PublishAt = Now;
        article.FirstPublishedAt ??= Now;
        return await MoveAsync(article, ArticleStatus.Published, actor, AuditActions.Publish, null, ct);
    }

    /// <summary>已排期: the scheduler publishes it within a minute of <paramref name="atUtc"/>.</summary>
    public Task<Refusal?> ScheduleAsync(Article article, DateTime atUtc, Actor actor, CancellationToken ct)
    {
        if (!CanScheduleFrom(article.Status))
        {
            return Refused($"{article.Status.Label()}的稿件不能排期");
        }
        if (atUtc <= Now)
        {
            return Refused("排期时间须晚于现在");
        }
        article.PublishAt = atUtc;
        return MoveAsync(article, ArticleStatus.Scheduled, actor, AuditActions.Schedule, "定于 " + BeijingTime.Format(atUtc), ct);
    }

    /// <summary>退回: back to draft from review or schedule.</summary>
    public Task<Refusal?> ReturnToDraftAsync(Article article, string? note, Actor actor, CancellationToken ct) =>
        article.Status is not (ArticleStatus.InReview or ArticleStatus.Scheduled)
            ? Refused("只有待审或已排期的稿件可以退回")
            : MoveAsync(article, ArticleStatus.Draft, actor, null, note, ct);

    /// <summary>撤回: off every listing, feed and search; the record and its URL number stay.</summary>
    public Task<Refusal?> RetractAsync(Article article, string reason, Actor actor, CancellationToken ct) =>
        article.Status != ArticleStatus.Published
            ? Refused("只有已发布的稿件可以撤回")
            : MoveAsync(article, ArticleStatus.Retracted, actor, AuditActions.Retract, reason, ct);

    /// <summary>更正: appended with time and reason, shown at the end of the article.</summary>
    public async Task<Refusal?> CorrectAsync(Article article, string reason, Actor actor, CancellationToken ct)
    {
        if (article.Status != ArticleStatus.Published)
        {
            return new Refusal("只有已发布的稿件可以更正");
        }
        article.Corrections.Add(new Correction { At = Now, Reason = reason });
        article.UpdatedAt = Now;
        article.Version = Guid.NewGuid();
        db.ArticleEvents.Add(Event(article, article.Status, article.Status, actor, "更正：" + reason));
        audit.Record(AuditActions.Correct, Target(article), reason, actor.UserId is null ? actor.Name : null);
        if (!await TrySaveAsync(ct))
        {
            return Conflict;
        }
        await cache.ArticleChangedAsync(article.Number, ct);
        return null;
    }

    /// <summary>Into the recycle bin (回收站): hidden everywhere, restorable.</summary>
    public Task<Refusal?> DeleteAsync(Article article, string? note, Actor actor, CancellationToken ct) =>
        article.Status == ArticleStatus.Deleted
            ? Refused("稿件已在回收站")
            : MoveAsync(article, ArticleStatus.Deleted, actor, AuditActions.Delete, note, ct);

    /// <summary>Out of the recycle bin, as a draft: it goes through review again before readers see it.</summary>
    public Task<Refusal?> RestoreAsync(Article article, Actor actor, CancellationToken ct) =>
        article.Status != ArticleStatus.Deleted
            ? Refused("稿件不在回收站")
            : MoveAsync(article, ArticleStatus.Draft, actor, AuditActions.Restore, null, ct);

    /// <summary>Publishes every scheduled article that is due; returns how many went out.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishAt <= now)
            .OrderBy(a => a.PublishAt).Select(a => a.Id).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Scheduled, ct);
            if (article is null)
            {
                continue;
            }
            // A refusal here means an editor changed it at the same moment; the next tick sees the new state.
            if (await PublishAsync(article, Actor.Scheduler, ct) is null)
            {
                published++;
                LogScheduledPublish(logger, article.Number);
            }
        }
        return published;
    }

    async Task<Refusal?> MoveAsync(Article article, ArticleStatus to, Actor actor, string? auditAction, string? note, CancellationToken ct)
    {
        var from = article.Status;
        var visibleBefore = from == ArticleStatus.Published;
        article.Status = to;
        article.Version = Guid.NewGuid();
        db.ArticleEvents.Add(Event(article, from, to, actor, note));
        if (auditAction is not null)
        {
            audit.Record(auditAction, Target(article), $"{from.Label()} → {to.Label()}" + (note is null ? "" : "：" + note), actor.UserId is null ? actor.Name : null);
        }
        if (!await TrySaveAsync(ct))
        {
            return Conflict;
        }
        if (visibleBefore || to == ArticleStatus.Published)
        {
            await cache.ArticleChangedAsync(article.Number, ct);
        }
        return null;
    }

    static readonly Refusal Conflict = new("稿件刚被他人修改，请看过最新状态后再操作。");

    /// <summary>False when someone changed the article since it was read (the Version token); nothing is saved then.</summary>
    async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    ArticleEvent Event(Article article, ArticleStatus from, ArticleStatus to, Actor actor, string? note) => new()
    {
        Article = article,
        From = from,
        To = to,
        At = Now,
        UserId = actor.UserId,
        UserName = actor.Name,
        Note = note is { Length: > ArticleEvent.NoteMaxLength } ? note[..ArticleEvent.NoteMaxLength] : note,
    };

    static string Target(Article article) => $"article:{article.Number}";

    static Task<Refusal?> Refused(string message) => Task.FromResult<Refusal?>(new Refusal(message));

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled article {Number} published")]
    static partial void LogScheduledPublish(ILogger logger, int number);
}
