using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;

namespace Suzhou.News.TipOffs;

/// <summary>Who sees what in the inbox: editors and admins everything, a reporter only the tips assigned to them.</summary>
public static class InboxAccess
{
    public static IQueryable<Submission> VisibleTo(this IQueryable<Submission> submissions, ClaimsPrincipal user)
    {
        if (user.CanEditAll())
        {
            return submissions;
        }
        var id = user.Id();
        return submissions.Where(s => s.Kind == SubmissionKind.Tip && id != null && s.AssignedToId == id);
    }

    /// <summary>A report still waiting for an answer after its deadline.</summary>
    public static bool IsOverdue(SubmissionKind kind, SubmissionStatus status, DateTime? dueAt, DateTime utcNow) =>
        kind == SubmissionKind.Report && IsOpen(status) && dueAt < utcNow;

    public static bool IsOpen(SubmissionStatus status) => status is not (SubmissionStatus.Closed or SubmissionStatus.Published);
}

/// <summary>
/// 由线索生成草稿: a Draft article in 本地 (about the tip's county), credited to and owned by the staff member who
/// made it, created through the newsroom's own <see cref="ArticleEditor"/> (number, rendering, revision, history).
/// The tip's text goes in as a quoted starting point; the Markdown renderer sanitizes it like any body.
/// </summary>
public sealed class TipDrafts(NewsDbContext db, ArticleEditor editor)
{
    public const string DefaultChannelSlug = "bendi";

    public async Task<int> CreateAsync(Submission tip, Actor actor, CancellationToken ct)
    {
        var channelId = await db.Channels.Where(c => c.Slug == DefaultChannelSlug).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? await db.Channels.Where(c => c.Kind == ChannelKind.News).OrderBy(c => c.Position).Select(c => c.Id).FirstAsync(ct);
        var quoted = string.Join("\n", tip.Body.Split('\n').Select(line => "> " + line.TrimEnd('\r')));
        var title = tip.Title ?? "读者爆料";
        var draft = new ArticleDraft
        {
            Title = title.Length <= Article.TitleMaxLength ? title : title[..Article.TitleMaxLength],
            Body = $"（根据读者爆料 {tip.ReceiptNumber} 整理，发稿前请核实全部事实。）\n\n{quoted}\n",
            ChannelId = channelId,
            CountyId = tip.CountyId,
            Reporters = actor.Name,
        };
        return (await editor.CreateAsync(draft, actor, ct)).Number;
    }
}
