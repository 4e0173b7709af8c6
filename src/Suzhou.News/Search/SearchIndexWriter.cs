using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Suzhou.News.Data;

namespace Suzhou.News.Search;

/// <summary>
/// Writes articles' index entries: reads their text, cuts it into terms and replaces their FTS rows (on
/// PostgreSQL their <see cref="PostgresSearch"/> rows).
/// </summary>
public static class SearchIndexWriter
{
    sealed record Document(
        int Id, string Title, string? Kicker, string? Subtitle, string? Summary, string Body,
        DateTime? FirstPublishedAt, DateTime? PublishAt, DateTime CreatedAt, List<string> Credits, List<string> Tags)
    {
        public DateTime SortTime => FirstPublishedAt ?? PublishAt ?? CreatedAt;

        /// <summary>The title column: title, 引题 and 副题, so a hit there ranks first.</summary>
        public string TitleText => $"{Title}\n{Kicker}\n{Subtitle}";

        public string BodyText => $"{Summary}\n{Body}\n{string.Join('\n', Credits)}\n{string.Join('\n', Tags)}";
    }

    /// <summary>
    /// (Re)indexes the given articles inside the context's current transaction, if any. Ids that no longer
    /// exist lose their entry.
    /// </summary>
    public static async Task WriteAsync(NewsDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var documents = await db.Articles.AsNoTracking().AsSplitQuery()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new Document(a.Id, a.Title, a.Kicker, a.Subtitle, a.Summary, a.BodyPlainText,
                a.FirstPublishedAt, a.PublishAt, a.CreatedAt,
                a.Credits.OrderBy(c => c.Position).Select(c => c.Name).ToList(),
                a.Tags.Select(t => t.Name).ToList()))
            .ToListAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await PostgresSearch.WriteAsync(db, ids, documents.Select(d =>
                (d.Id, SearchKeys.For(d.Id, d.SortTime), SearchText.ToTsVector(d.TitleText, null), SearchText.ToTsVector(d.TitleText, d.BodyText))), ct);
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var forget = Command(connection, transaction, """
                DELETE FROM ArticleSearch WHERE rowid = (SELECT SearchKey FROM SearchDocuments WHERE ArticleId = $id);
                DELETE FROM SearchDocuments WHERE ArticleId = $id;
                """, "$id");
            await using var insert = Command(connection, transaction, """
                INSERT INTO ArticleSearch(rowid, title, body) VALUES ($key, $title, $body);
                INSERT INTO SearchDocuments(ArticleId, SearchKey) VALUES ($id, $key);
                """, "$id", "$key", "$title", "$body");

            foreach (var id in ids)
            {
                forget.Parameters[0].Value = id;
                await forget.ExecuteNonQueryAsync(ct);
            }
            foreach (var document in documents)
            {
                insert.Parameters[0].Value = document.Id;
                insert.Parameters[1].Value = SearchKeys.For(document.Id, document.SortTime);
                insert.Parameters[2].Value = SearchText.ToTerms(document.TitleText);
                insert.Parameters[3].Value = SearchText.ToTerms(document.BodyText);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Empties the index (before a rebuild).</summary>
    public static async Task ClearAsync(NewsDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgresSearch.ClearAsync(db, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(ArticleSearch) VALUES('delete-all'); DELETE FROM SearchDocuments;", ct);
    }

    /// <summary>Merges the index's segments; worth doing after a rebuild.</summary>
    public static async Task OptimizeAsync(NewsDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgresSearch.OptimizeAsync(db, ct);
            return;
        }
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ArticleSearch(ArticleSearch) VALUES('optimize');", ct);
    }

    /// <summary>
    /// About how many bytes the index takes (PostgreSQL: the table with its indexes): the FTS5 segment blocks plus the term index and key rows
    /// (e_sqlite3 has no <c>dbstat</c>, so this sums the stored values rather than pages).
    /// </summary>
    public static async Task<long> SizeAsync(NewsDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            return await PostgresSearch.SizeAsync(db, ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db.Database.GetDbConnection(), null,
                """
                SELECT (SELECT coalesce(sum(length(block)), 0) FROM ArticleSearch_data)
                     + (SELECT coalesce(sum(length(term) + 16), 0) FROM ArticleSearch_idx)
                     + (SELECT count(*) * 16 FROM SearchDocuments)
                """);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
