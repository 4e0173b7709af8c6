using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Data;

namespace Suzhou.News.Search;

/// <summary>What a reader asked for: the query, optional channel ids and earliest publish time, the page.</summary>
public sealed record SearchRequest(string Query, IReadOnlyCollection<int>? ChannelIds = null, DateTime? FromUtc = null, int Page = 1, int PageSize = 20);

/// <summary>One result with the text its snippet is cut from.</summary>
public sealed record SearchHit(int Number, string Title, string? Kicker, string? Summary, string Body, DateTime PublishedAt, int ChannelId, int? CountyId)
{
    public string Url => ArticlePath.For(Number, PublishedAt);
}

/// <summary>
/// A page of results. <see cref="Total"/> counts the public matches among the newest
/// <see cref="SearchOptions.MaxResults"/> candidates; <see cref="Capped"/> says there may be older ones.
/// </summary>
public sealed record SearchResults(int Total, bool Capped, IReadOnlyList<SearchHit> Hits)
{
    public static readonly SearchResults Empty = new(0, false, []);
}

/// <summary>
/// Chinese full-text search over the FTS5 index (on PostgreSQL, <see cref="PostgresSearch"/>) that
/// <see cref="SearchIndexInterceptor"/> keeps. Ranking is bounded
/// so that common words stay fast: the newest <see cref="SearchOptions.MaxResults"/> title matches come first,
/// then the newest matches anywhere, each newest first (no bm25, which is slow for very common terms).
/// Every candidate is checked against <c>Articles</c> with <see cref="PublicArticles.IsPublic"/> at query time.
/// </summary>
public sealed class ArticleSearch(NewsDbContext db, IOptions<SearchOptions> options, TimeProvider clock)
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        if (SearchText.ToMatch(request.Query) is not { } match)
        {
            return SearchResults.Empty;
        }
        var limit = options.Value.MaxResults;
        var from = request.FromUtc is { } f ? SearchKeys.From(f) : 0;
        var postgres = db.Database.IsNpgsql();
        var tsQuery = postgres ? SearchText.ToTsQuery(request.Query)! : "";
        var titleKeys = postgres
            ? await PostgresSearch.KeysAsync(db, tsQuery, titleOnly: true, from, limit, ct)
            : await KeysAsync($"title : ({match})", from, limit, ct);
        var allKeys = postgres
            ? await PostgresSearch.KeysAsync(db, tsQuery, titleOnly: false, from, limit, ct)
            : await KeysAsync(match, from, limit, ct);

        // Title hits first, then the rest, each newest first (keys sort by publish time).
        var ordered = titleKeys.Concat(allKeys.Except(titleKeys)).Select(SearchKeys.ArticleId).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // On SQLite the narrow visibility index keeps the check off the long article rows; PostgreSQL stores long
        // text out of line and needs no hint.
        var articles = postgres ? db.Articles : db.Articles.FromSqlRaw($"SELECT * FROM Articles INDEXED BY {SearchSchema.VisibilityIndex}");
        var visibleQuery = articles.AsNoTracking().Public()
            .Where(a => EF.Parameter(ordered).Contains(a.Id) && a.FirstPublishedAt <= now);
        if (request.ChannelIds is { Count: > 0 } channels)
        {
            visibleQuery = visibleQuery.InChannels(channels);
        }
        var visible = (await visibleQuery.Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var ids = ordered.Where(visible.Contains).ToList();

        var pageIds = ids.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        var hits = await db.Articles.AsNoTracking()
            .Where(a => pageIds.Contains(a.Id))
            .Select(a => new { a.Id, Hit = new SearchHit(a.Number, a.Title, a.Kicker, a.Summary, a.BodyPlainText, a.FirstPublishedAt!.Value, a.ChannelId, a.CountyId) })
            .ToDictionaryAsync(x => x.Id, x => x.Hit, ct);
        return new SearchResults(ids.Count, allKeys.Count >= limit, pageIds.Where(hits.ContainsKey).Select(id => hits[id]).ToList());
    }

    async Task<List<long>> KeysAsync(string match, long fromKey, int limit, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $match AND rowid >= $from ORDER BY rowid DESC LIMIT $limit";
            Add(command, "$match", match);
            Add(command, "$from", fromKey);
            Add(command, "$limit", limit);
            var keys = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                keys.Add(reader.GetInt64(0));
            }
            return keys;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
