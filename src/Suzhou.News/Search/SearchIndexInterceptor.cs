using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Suzhou.News.Articles;
using Suzhou.News.Data;

namespace Suzhou.News.Search;

/// <summary>
/// Keeps the search index in step with every <c>SaveChanges</c> on <see cref="NewsDbContext"/>, so no save path
/// has to remember to call search: when an article's searchable text, credits, tags or publish time change, its
/// entry is rewritten in the same transaction as the save. Visibility (published, not retracted) is not
/// indexed; the search query checks it against <c>Articles</c>, so a retraction hides a story at once.
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass interceptors: a bulk text change needs <c>search reindex</c>
/// (deletes are handled by a trigger).
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    static readonly HashSet<string> IndexedProperties =
    [
        nameof(Article.Title), nameof(Article.Kicker), nameof(Article.Subtitle), nameof(Article.Summary),
        nameof(Article.BodyPlainText), nameof(Article.FirstPublishedAt), nameof(Article.PublishAt),
    ];

    sealed class Pending
    {
        public List<Article> Articles { get; } = [];
        public HashSet<int> Ids { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
    }

    readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db && Collect(db) is { } pending)
        {
            // The save and its index entries commit together unless the caller already holds a transaction.
            if (db.Database.CurrentTransaction is null)
            {
                pending.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }
            _pending.AddOrUpdate(db, pending);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is NewsDbContext db && Collect(db) is { } pending)
        {
            if (db.Database.CurrentTransaction is null)
            {
                pending.OwnTransaction = db.Database.BeginTransaction();
            }
            _pending.AddOrUpdate(db, pending);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            pending.Ids.UnionWith(pending.Articles.Select(a => a.Id));
            try
            {
                await SearchIndexWriter.WriteAsync(db, pending.Ids, cancellationToken);
                if (pending.OwnTransaction is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.OwnTransaction is { } own)
                {
                    await own.DisposeAsync();
                }
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    // A concurrency conflict is reported here and not through SaveChangesFailed: without this, the conflict's
    // transaction stayed open on the context (and, pooled, reached the next request's save).
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await DiscardAsync(eventData.Context);
        return result;
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        DiscardAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        DiscardAsync(eventData.Context);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => DiscardAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        DiscardAsync(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => DiscardAsync(eventData.Context).GetAwaiter().GetResult();

    async Task DiscardAsync(DbContext? db)
    {
        if (db is not null && _pending.TryGetValue(db, out var pending))
        {
            _pending.Remove(db);
            if (pending.OwnTransaction is { } own)
            {
                await own.DisposeAsync(); // rolls back
            }
        }
    }

    static Pending? Collect(NewsDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        Pending? pending = null;
        Pending Get() => pending ??= new Pending();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Article article when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && IndexedProperties.Contains(p.Metadata.Name))):
                    Get().Articles.Add(article);
                    break;
                case Credit when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    AddOwner(entry, "ArticleId", Get);
                    break;
                case Dictionary<string, object> when entry.Metadata.Name == "ArticleTags" && entry.State is EntityState.Added or EntityState.Deleted:
                    AddOwner(entry, "ArticlesId", Get);
                    break;
            }
        }
        return pending;
    }

    static void AddOwner(EntityEntry entry, string foreignKey, Func<Pending> pending)
    {
        var property = entry.Property(foreignKey);
        // A new article's children carry a temporary id; the article itself is collected instead.
        if (!property.IsTemporary && (property.CurrentValue ?? property.OriginalValue) is int id && id > 0)
        {
            pending().Ids.Add(id);
        }
    }
}
