using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Domain;
using Suzhou.News.Rendering;

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
/// 由线索生成草稿: a Draft article in 本地 (about the tip's county), credited to the staff member who made it.
/// The tip's text goes in as a quoted starting point; the Markdown renderer sanitizes it like any body.
/// </summary>
public sealed class TipDrafts(NewsDbContext db, MarkdownRenderer renderer, TimeProvider clock)
{
    public const string DefaultChannelSlug = "bendi";

    public async Task<int> CreateAsync(Submission tip, string staffName, CancellationToken ct)
    {
        var channelId = await db.Channels.Where(c => c.Slug == DefaultChannelSlug).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? await db.Channels.Where(c => c.Kind == ChannelKind.News).OrderBy(c => c.Position).Select(c => c.Id).FirstAsync(ct);
        var quoted = string.Join("\n", tip.Body.Split('\n').Select(line => "> " + line.TrimEnd('\r')));
        var markdown = $"（根据读者爆料 {tip.ReceiptNumber} 整理，发稿前请核实全部事实。）\n\n{quoted}\n";
        var rendered = renderer.Render(markdown);
        var title = tip.Title ?? "读者爆料";
        var article = new Article
        {
            Number = await db.Articles.MaxAsync(a => (int?)a.Number, ct) + 1 ?? 1,
            Title = title.Length <= Article.TitleMaxLength ? title : title[..Article.TitleMaxLength],
            BodyMarkdown = markdown,
            BodyHtml = rendered.Html,
            BodyPlainText = rendered.PlainText,
            RenderVersion = MarkdownRenderer.Version,
            ChannelId = channelId,
            CountyId = tip.CountyId,
            Status = ArticleStatus.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Credits = [new Credit { Role = CreditRole.Reporter, Name = staffName, Position = 0 }],
        };
        db.Articles.Add(article);
        return article.Number;
    }
}
