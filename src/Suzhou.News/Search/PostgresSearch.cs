using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Suzhou.News.Data;

namespace Suzhou.News.Search;

/// <summary>
/// Search on PostgreSQL, with the behaviour of the SQLite FTS5 index: one row per article in <c>ArticleSearch</c>
/// holding <c>tsvector</c>s built in C# from the same character pairs (<see cref="SearchText.ToTsVector"/>; no
/// text-search configuration or parser touches them) under GIN indexes: <c>Title</c> (title, 引题, 副题) and
/// <c>Document</c> (those and the body). The title one is small and stored inline, so finding the newest title
/// hits of a common word does not unpack a long body's vector for every candidate. The row's
/// <see cref="SearchKeys">search key</see> sorts by publish time, so "newest first" is an index walk down the keys.
/// A foreign key drops an article's row when the article is deleted. The raw SQL lives here so a regenerated
/// PostgreSQL migration only has to call <see cref="Up"/>.
/// </summary>
public static class PostgresSearch
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS "ArticleSearch" (
            "ArticleId" integer NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
            "SearchKey" bigint NOT NULL,
            "Title" tsvector NOT NULL,
            "Document" tsvector NOT NULL);
        -- Stored uncompressed: a common word checks a thousand documents, and unpacking them is most of the time.
        ALTER TABLE "ArticleSearch" ALTER COLUMN "Document" SET STORAGE EXTERNAL;
        CREATE INDEX IF NOT EXISTS "IX_ArticleSearch_Title" ON "ArticleSearch" USING gin ("Title");
        CREATE INDEX IF NOT EXISTS "IX_ArticleSearch_Document" ON "ArticleSearch" USING gin ("Document");
        CREATE INDEX IF NOT EXISTS "IX_ArticleSearch_SearchKey" ON "ArticleSearch" ("SearchKey");
        """;

    public const string Drop = """
        DROP TABLE IF EXISTS "ArticleSearch";
        """;

    public static void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Create);

    public static void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Drop);

    /// <summary>
    /// The newest keys (at most <paramref name="limit"/>, from <paramref name="fromKey"/> on) whose title, or with
    /// <paramref name="titleOnly"/> false whole document, matches.
    /// </summary>
    public static async Task<List<long>> KeysAsync(NewsDbContext db, string tsQuery, bool titleOnly, long fromKey, int limit, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(db, $"""
                SELECT "SearchKey" FROM "ArticleSearch"
                WHERE "{(titleOnly ? "Title" : "Document")}" @@ CAST(@query AS tsquery) AND "SearchKey" >= @from
                ORDER BY "SearchKey" DESC LIMIT @limit
                """);
            Add(command, "query", tsQuery);
            Add(command, "from", fromKey);
            Add(command, "limit", limit);
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

    /// <summary>Replaces the rows of <paramref name="ids"/> with the given documents, in the context's transaction if any.</summary>
    public static async Task WriteAsync(NewsDbContext db, IReadOnlyCollection<int> ids,
        IEnumerable<(int Id, long Key, string Title, string Document)> documents, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var forget = Command(db, """DELETE FROM "ArticleSearch" WHERE "ArticleId" = ANY(@ids)"""))
            {
                Add(forget, "ids", ids.ToArray());
                await forget.ExecuteNonQueryAsync(ct);
            }
            await using var insert = Command(db, """
                INSERT INTO "ArticleSearch" ("ArticleId", "SearchKey", "Title", "Document")
                VALUES (@id, @key, CAST(@title AS tsvector), CAST(@document AS tsvector))
                """);
            var id = Add(insert, "id", 0);
            var key = Add(insert, "key", 0L);
            var title = Add(insert, "title", "");
            var document = Add(insert, "document", "");
            foreach (var row in documents)
            {
                id.Value = row.Id;
                key.Value = row.Key;
                title.Value = row.Title;
                document.Value = row.Document;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Empties the table and gives its space back (a rebuild rewrites every row).</summary>
    public static Task ClearAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""TRUNCATE "ArticleSearch";""", ct);

    /// <summary>After a rebuild: empty the GIN pending list and refresh the planner's statistics.</summary>
    public static Task OptimizeAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""VACUUM (ANALYZE) "ArticleSearch";""", ct);

    public static Task<long> SizeAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<long>("""SELECT pg_total_relation_size('"ArticleSearch"') AS "Value" """).SingleAsync(ct);

    public static Task<int> CountAsync(NewsDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<int>("""SELECT CAST(count(*) AS integer) AS "Value" FROM "ArticleSearch" """).SingleAsync(ct);

    static DbCommand Command(NewsDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
