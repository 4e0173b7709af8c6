using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Hosting;
using Suzhou.News.Newsroom;
using Suzhou.News.Pages.Articles;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>
/// The article in the public article template, before it is public: <c>GET /admin/articles/preview/{id}</c> shows
/// the saved version (the author or an editor only — the id alone opens nothing), <c>POST /admin/articles/preview</c>
/// renders the editor form as typed, through the same Markdown pipeline, without saving. The editor shows it in a
/// frame beside the form, so the site itself may frame this page.
/// </summary>
[AllowSameOriginFraming]
public sealed class PreviewModel(NewsDbContext db, MarkdownRenderer renderer, ChannelCatalog catalog, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ArticleDraft Input { get; set; } = new();

    public ReadModel.ArticleView Article { get; private set; } = null!;
    public ArticleStatus Status { get; private set; }
    public string? ChannelName { get; private set; }
    public string? CountyName { get; private set; }
    public bool IsDraftPreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            return NotFound();
        }
        var actor = Actor.From(User);
        var article = await db.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Tags).Include(a => a.Topics).ThenInclude(t => t.Topic)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null || !actor.CanView(article))
        {
            return NotFound();
        }
        Status = article.Status;
        Article = new ReadModel.ArticleView(
            article.Id, article.Number, article.Title, article.Kicker, article.Subtitle, article.Summary, article.BodyHtml,
            article.ChannelId, article.CountyId, article.Editor, article.Source, article.Cover,
            article.FirstPublishedAt ?? article.PublishAt ?? clock.GetUtcNow().UtcDateTime, article.UpdatedAt,
            article.Credits.OrderBy(c => c.Role).ThenBy(c => c.Position).Select(c => new ReadModel.CreditView(c.Role, c.Name)).ToList(),
            article.Corrections.OrderBy(c => c.At).ToList(),
            article.Tags.OrderBy(t => t.Name).Select(t => new ReadModel.TagLink(t.Id, t.Name)).ToList(),
            article.Topics.Select(t => new ReadModel.TopicLink(t.TopicId, t.Topic.Slug, t.Topic.Title)).ToList());
        await NamesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IsDraftPreview = true;
        var body = (Input.Body ?? "").ReplaceLineEndings("\n");
        if (body.Length > ArticleDraft.BodyMaxLength)
        {
            body = body[..ArticleDraft.BodyMaxLength];
        }
        var rendered = renderer.Render(body);
        var topicIds = Input.TopicIds.Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id))
            .Select(t => new ReadModel.TopicLink(t.Id, t.Slug, t.Title)).ToListAsync(ct);
        Article = new ReadModel.ArticleView(
            0, 0, string.IsNullOrWhiteSpace(Input.Title) ? "（无标题）" : Clip(Input.Title, News.Articles.Article.TitleMaxLength),
            Blank(Input.Kicker), Blank(Input.Subtitle), Blank(Input.Summary) ?? Summaries.FromPlainText(rendered.PlainText), rendered.Html,
            Input.ChannelId ?? 0, Input.CountyId, Blank(Input.Editor), Blank(Input.Source) ?? News.Articles.Article.DefaultSource,
            Input.ToCover() is { Src.Length: <= 300 } cover && cover.Src.StartsWith("/media/", StringComparison.Ordinal) ? cover : null,
            clock.GetUtcNow().UtcDateTime, null,
            Input.ToCredits().Select(c => new ReadModel.CreditView(c.Role, Clip(c.Name, 50))).ToList(),
            [],
            ArticleDraft.SplitList(Input.Tags).Take(ArticleDraft.MaxTags).Select(t => new ReadModel.TagLink(0, Clip(t, Tag.NameMaxLength))).ToList(),
            topics);
        await NamesAsync(ct);
        return Page();
    }

    async Task NamesAsync(CancellationToken ct)
    {
        var channels = await catalog.GetAsync(ct);
        ChannelName = channels.ById(Article.ChannelId)?.Name;
        CountyName = channels.ById(Article.CountyId)?.Name;
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static string Clip(string text, int max) => text.Length <= max ? text.Trim() : text[..max];
}
