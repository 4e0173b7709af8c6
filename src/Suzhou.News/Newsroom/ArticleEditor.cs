using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Newsroom;

/// <summary>The outcome of saving the editor form.</summary>
public abstract record SaveOutcome
{
    public sealed record Saved(Article Article) : SaveOutcome;

    /// <summary>Someone saved first: <see cref="Theirs"/> is what the database holds now.</summary>
    public sealed record Conflict(Article Theirs) : SaveOutcome;

    public sealed record NotAllowed : SaveOutcome;
}

/// <summary>
/// Creates and saves articles from the editor form: checks the fields against channels and topics, renders the
/// body with the public pipeline, writes a revision on every save, and detects concurrent saves by the
/// <see cref="Article.Version"/> token the form carries.
/// </summary>
public sealed class ArticleEditor(
    NewsDbContext db,
    ArticleWriter writer,
    ChannelCatalog catalog,
    PublicCache cache,
    TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The article with everything the form shows, tracked; null when missing.</summary>
    public Task<Article?> FindAsync(int id, CancellationToken ct) =>
        db.Articles.Include(a => a.Tags).Include(a => a.Topics).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Checks what annotations cannot: the channel, county and topics exist, a cover has alt text.</summary>
    public async Task ValidateAsync(ArticleDraft draft, ModelStateDictionary state, string prefix, CancellationToken ct)
    {
        var channels = await catalog.GetAsync(ct);
        if (draft.ChannelId is { } channelId && channels.ById(channelId) is not { Kind: not ChannelKind.Topics })
        {
            state.AddModelError($"{prefix}.ChannelId", "所选栏目不存在");
        }
        if (draft.CountyId is { } countyId && channels.ById(countyId) is not { Kind: ChannelKind.County })
        {
            state.AddModelError($"{prefix}.CountyId", "所选县区不存在");
        }
        var topicIds = draft.TopicIds.Distinct().ToList();
        if (topicIds.Count > 0 && await db.Topics.CountAsync(t => topicIds.Contains(t.Id), ct) != topicIds.Count)
        {
            state.AddModelError($"{prefix}.TopicIds", "所选专题不存在");
        }
        var tags = ArticleDraft.SplitList(draft.Tags);
        if (tags.Count > ArticleDraft.MaxTags)
        {
            state.AddModelError($"{prefix}.Tags", $"标签最多 {ArticleDraft.MaxTags} 个");
        }
        else if (tags.FirstOrDefault(t => t.Length > Tag.NameMaxLength) is { } longTag)
        {
            state.AddModelError($"{prefix}.Tags", $"标签“{longTag}”超过 {Tag.NameMaxLength} 个字");
        }
        foreach (var role in CreditRoles.PrintOrder)
        {
            if (ArticleDraft.SplitList(draft.CreditText(role)).FirstOrDefault(n => n.Length > 50) is { } name)
            {
                state.AddModelError($"{prefix}.{RoleField(role)}", $"姓名“{name}”过长");
            }
        }
        if (!string.IsNullOrWhiteSpace(draft.CoverSrc) && string.IsNullOrWhiteSpace(draft.CoverAlt))
        {
            state.AddModelError($"{prefix}.CoverAlt", "有封面图片时须填写替代文字，供读屏软件朗读");
        }
        if (string.IsNullOrWhiteSpace(draft.CoverSrc) && !string.IsNullOrWhiteSpace(draft.CoverAlt + draft.CoverCaption + draft.CoverCredit))
        {
            state.AddModelError($"{prefix}.CoverSrc", "填写了封面说明，但没有封面图片路径");
        }
    }

    static string RoleField(CreditRole role) => role switch
    {
        CreditRole.Reporter => nameof(ArticleDraft.Reporters),
        CreditRole.Correspondent => nameof(ArticleDraft.Correspondents),
        CreditRole.Photographer => nameof(ArticleDraft.Photographers),
        _ => nameof(ArticleDraft.Interns),
    };

    /// <summary>A new draft owned by <paramref name="actor"/>, numbered after the highest existing number.</summary>
    public async Task<Article> CreateAsync(ArticleDraft draft, Actor actor, CancellationToken ct)
    {
        if (!actor.CanEditAll)
        {
            draft.KeepFlagsOf(new ArticleDraft());
        }
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var article = new Article
            {
                Number = (await db.Articles.MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1,
                CreatedAt = now,
                AuthorId = actor.UserId,
                Status = ArticleStatus.Draft,
            };
            await ApplyAsync(article, draft, ct);
            db.Articles.Add(article);
            db.ArticleEvents.Add(new ArticleEvent { Article = article, From = ArticleStatus.Draft, To = ArticleStatus.Draft, At = now, UserId = actor.UserId, UserName = actor.Name, Note = "新建" });
            db.ArticleRevisions.Add(Revision(article, draft, 1, actor, "新建"));
            try
            {
                await db.SaveChangesAsync(ct);
                return article;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two drafts took the same number at once: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Saves the form over the article if nobody saved since <paramref name="expectedVersion"/> was read.
    /// A reporter's flags are ignored (they keep the stored ones).
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Article article, ArticleDraft draft, Guid expectedVersion, Actor actor, string reason, CancellationToken ct)
    {
        if (!actor.CanEdit(article))
        {
            return new SaveOutcome.NotAllowed();
        }
        if (article.Version != expectedVersion)
        {
            return new SaveOutcome.Conflict(article);
        }
        if (!actor.CanEditAll)
        {
            draft.KeepFlagsOf(ArticleDraft.From(article));
        }
        var sequence = (await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Sequence, ct) ?? 0) + 1;
        if (sequence == 1)
        {
            // An imported article's first save: keep what it was, so the save can be undone.
            db.ArticleRevisions.Add(Revision(article, ArticleDraft.From(article), sequence++, actor, "保存前的版本"));
        }
        // The UPDATE only matches the row if it still carries the version the form was read at.
        db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
        await ApplyAsync(article, draft, ct);
        article.Version = Guid.NewGuid();
        var wasPublic = article.Status == ArticleStatus.Published;
        if (wasPublic)
        {
            article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        db.ArticleRevisions.Add(Revision(article, draft, sequence, actor, reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await FindAsync(article.Id, ct) is { } theirs ? new SaveOutcome.Conflict(theirs) : new SaveOutcome.NotAllowed();
        }
        if (wasPublic)
        {
            await cache.ArticleChangedAsync(article.Number, ct);
        }
        return new SaveOutcome.Saved(article);
    }

    /// <summary>Puts a revision's fields back as a new save (and so a new revision).</summary>
    public async Task<SaveOutcome> RestoreAsync(Article article, ArticleRevision revision, Actor actor, CancellationToken ct) =>
        await SaveAsync(article, ReadSnapshot(revision), article.Version, actor, $"恢复自第 {revision.Sequence} 版", ct);

    /// <summary>The draft as labelled lines with channel and topic names, for comparing two versions.</summary>
    public async Task<string> ComparableTextAsync(ArticleDraft draft, CancellationToken ct)
    {
        var channels = await catalog.GetAsync(ct);
        var topics = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Title, ct);
        return draft.ToComparableText(id => channels.ById(id)?.Name ?? "", id => topics.GetValueOrDefault(id) ?? "");
    }

    public static ArticleDraft ReadSnapshot(ArticleRevision revision) =>
        JsonSerializer.Deserialize<ArticleDraft>(revision.Snapshot, Json) ?? new ArticleDraft();

    ArticleRevision Revision(Article article, ArticleDraft draft, int sequence, Actor actor, string reason) => new()
    {
        Article = article,
        Sequence = sequence,
        At = clock.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        UserName = actor.Name,
        Reason = reason,
        Title = article.Title,
        Snapshot = JsonSerializer.Serialize(draft, Json),
    };

    async Task ApplyAsync(Article article, ArticleDraft draft, CancellationToken ct)
    {
        var content = draft.ToContent(await catalog.GetAsync(ct));
        var names = content.Tags ?? [];
        var known = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, ct);
        writer.Write(article, content, name => known.TryGetValue(name, out var tag) ? tag : new Tag { Name = name });
    }
}
