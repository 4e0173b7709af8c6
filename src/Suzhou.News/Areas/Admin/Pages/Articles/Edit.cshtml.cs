using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Areas.Admin.Pages.Shared;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;

namespace Suzhou.News.Areas.Admin.Pages.Articles;

/// <summary>
/// The article editor: <c>/admin/articles/new</c> and <c>/admin/articles/{id}/edit</c>. Saving and 送审 only;
/// publishing lives on the editors-only workflow page. A save that lost a race shows the conflict view with both
/// versions, the user's own still in the form.
/// </summary>
public sealed class EditModel(
    NewsDbContext db,
    ArticleEditor editor,
    ArticleWorkflow workflow,
    ChannelCatalog catalog,
    EditingPresence presence) : PageModel
{
    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public ArticleDraft Input { get; set; } = new();

    /// <summary>The concurrency token the form was read at.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public Article? Article { get; private set; }
    public IReadOnlyList<ArticleEvent> History { get; private set; } = [];
    public IReadOnlyList<EditingPresence.Editor> OthersEditing { get; private set; } = [];
    public IReadOnlyList<Choice> Channels { get; private set; } = [];
    public IReadOnlyList<Choice> Counties { get; private set; } = [];
    public IReadOnlyList<Choice> Topics { get; private set; } = [];
    public int RevisionCount { get; private set; }

    /// <summary>Set when the save lost a race: what the database holds now, and how it differs from the form.</summary>
    public ArticleDraft? Theirs { get; private set; }
    public ArticleRevision? TheirRevision { get; private set; }
    public DiffView? ConflictDiff { get; private set; }

    public bool IsNew => Article is null;

    /// <summary>False for a reporter's own article once it is scheduled or published: they may look, not save.</summary>
    public bool CanSave { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] string? cover, [FromQuery] int? coverId, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (id is { } articleId)
        {
            if (await editor.FindAsync(articleId, ct) is not { } article || !actor.CanView(article))
            {
                return NotFound();
            }
            Input = ArticleDraft.From(article);
            Version = article.Version;
            if (actor.CanEdit(article) && actor.UserId is { } userId)
            {
                presence.Opened(article.Id, userId, actor.Name);
            }
            await LoadAsync(article, ct);
        }
        else
        {
            Input.Reporters = actor.Name;
            await LoadAsync(null, ct);
        }
        await TakePickedCoverAsync(cover, coverId, ct);
        return Page();
    }

    /// <summary>The media library's picker comes back with <c>?cover=/media/x.jpg&amp;coverId=N</c>: fill the cover fields from it.</summary>
    async Task TakePickedCoverAsync(string? cover, int? coverId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(cover) || cover.Length > 300 || !System.Text.RegularExpressions.Regex.IsMatch(cover, "^/media/[A-Za-z0-9][A-Za-z0-9._-]*$"))
        {
            return;
        }
        Input.CoverSrc = cover;
        if (coverId is { } mediaId && await db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.DeletedAt == null, ct) is { } asset)
        {
            Input.CoverAlt = asset.Alt;
            Input.CoverCaption = asset.Caption;
            Input.CoverCredit = asset.Credit;
        }
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    /// <summary>保存并送审.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    async Task<IActionResult> SaveAsync(int? id, bool submit, CancellationToken ct)
    {
        var actor = Actor.From(User);
        Article? article = null;
        if (id is { } articleId)
        {
            article = await editor.FindAsync(articleId, ct);
            if (article is null || !actor.CanView(article))
            {
                return NotFound();
            }
            if (!actor.CanEdit(article))
            {
                return Forbid();
            }
        }
        await editor.ValidateAsync(Input, ModelState, nameof(Input), ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(article, ct);
            return Page();
        }

        if (article is null)
        {
            article = await editor.CreateAsync(Input, actor, ct);
            TempData["Flash"] = $"稿件已保存为草稿（编号 {article.Number}）。";
        }
        else
        {
            switch (await editor.SaveAsync(article, Input, Version, actor, "保存", ct))
            {
                case SaveOutcome.Conflict conflict:
                    return await ConflictAsync(conflict.Theirs, ct);
                case SaveOutcome.NotAllowed:
                    return Forbid();
            }
            TempData["Flash"] = "已保存。";
        }
        if (submit)
        {
            var refusal = await workflow.SubmitAsync(article, actor, ct);
            TempData["Flash"] = refusal?.Message ?? "已保存并送审，等待编辑审核。";
        }
        if (actor.UserId is { } userId)
        {
            presence.Closed(article.Id, userId);
        }
        return Redirect($"/admin/articles/{article.Id}/edit");
    }

    async Task<IActionResult> ConflictAsync(Article theirs, CancellationToken ct)
    {
        Theirs = ArticleDraft.From(theirs);
        TheirRevision = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == theirs.Id)
            .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(ct);
        ConflictDiff = new DiffView(
            Suzhou.News.Newsroom.TextDiff.Compare(await editor.ComparableTextAsync(Theirs, ct), await editor.ComparableTextAsync(Input, ct)),
            "对方已保存的版本", "您填写的版本（尚未保存）");
        // The form keeps everything typed, and now carries the new token: saving again replaces their version.
        ModelState.Remove(nameof(Version));
        Version = theirs.Version;
        await LoadAsync(theirs, ct);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    async Task LoadAsync(Article? article, CancellationToken ct)
    {
        Article = article;
        CanSave = article is null || Actor.From(User).CanEdit(article);
        var channels = await catalog.GetAsync(ct);
        var all = channels.Roots.SelectMany(r => r.Children.Prepend(r)).ToList();
        Channels = all.Where(c => c.Kind == ChannelKind.News || c.Kind == ChannelKind.County)
            .Select(c => new Choice(c.Id, c.ParentId is null ? c.Name : "　" + c.Name)).ToList();
        Counties = channels.Counties.Select(c => new Choice(c.Id, c.Name)).ToList();
        Topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position).Select(t => new Choice(t.Id, t.Title)).ToListAsync(ct);
        if (article is not null)
        {
            History = await db.ArticleEvents.AsNoTracking().Where(e => e.ArticleId == article.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
            RevisionCount = await db.ArticleRevisions.CountAsync(r => r.ArticleId == article.Id, ct);
            OthersEditing = presence.OthersThan(article.Id, User.Id());
        }
    }

    public string Ago(DateTime at) => presence.Ago(at);
}
