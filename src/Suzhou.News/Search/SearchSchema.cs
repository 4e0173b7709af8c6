using Microsoft.EntityFrameworkCore.Migrations;

namespace Suzhou.News.Search;

/// <summary>
/// The raw SQL behind search, kept apart from EF's model so a regenerated migration only has to call
/// <see cref="Create"/> again. <c>ArticleSearch</c> is a contentless FTS5 table (the text lives in
/// <c>Articles</c>; the index holds terms only). Its rowid is a search key that sorts by publish time
/// (<see cref="SearchKeys"/>), so "newest matches first" is a walk down the rowids. <c>SearchDocuments</c>
/// remembers each article's current key; a trigger drops an article's entry when the row is deleted.
/// <c>IX_Articles_SearchVisibility</c> lets the visibility check of a thousand candidates read a narrow index
/// instead of article rows whose status sits behind kilobytes of body text (overflow pages).
/// </summary>
public static class SearchSchema
{
    public const string Create = """
        CREATE VIRTUAL TABLE IF NOT EXISTS ArticleSearch USING fts5(
            title, body, content='', contentless_delete=1, tokenize='unicode61');
        CREATE TABLE IF NOT EXISTS SearchDocuments (
            ArticleId INTEGER NOT NULL PRIMARY KEY,
            SearchKey INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS IX_Articles_SearchVisibility ON Articles (Id, Status, FirstPublishedAt, ChannelId, CountyId);
        CREATE TRIGGER IF NOT EXISTS Articles_SearchDelete AFTER DELETE ON Articles
        BEGIN
            DELETE FROM ArticleSearch WHERE rowid = (SELECT SearchKey FROM SearchDocuments WHERE ArticleId = old.Id);
            DELETE FROM SearchDocuments WHERE ArticleId = old.Id;
        END;
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS Articles_SearchDelete;
        DROP INDEX IF EXISTS IX_Articles_SearchVisibility;
        DROP TABLE IF EXISTS SearchDocuments;
        DROP TABLE IF EXISTS ArticleSearch;
        """;

    /// <summary>The visibility index; queries name it with <c>INDEXED BY</c>.</summary>
    public const string VisibilityIndex = "IX_Articles_SearchVisibility";

    public static void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Create);

    public static void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Drop);
}

/// <summary>
/// An article's rowid in the FTS table: seconds since 2000 (publish time, else schedule or creation time) in the
/// high bits, the article id in the low 30 bits. Newer articles have larger keys; the id comes back with a mask.
/// </summary>
public static class SearchKeys
{
    const int IdBits = 30;
    const long IdMask = (1L << IdBits) - 1;
    static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static long For(int articleId, DateTime sortTimeUtc)
    {
        if (articleId <= 0 || articleId > IdMask)
        {
            throw new ArgumentOutOfRangeException(nameof(articleId), articleId, "article id does not fit a search key");
        }
        return (Seconds(sortTimeUtc) << IdBits) | (uint)articleId;
    }

    public static int ArticleId(long key) => (int)(key & IdMask);

    /// <summary>The smallest key for articles at or after <paramref name="utc"/>.</summary>
    public static long From(DateTime utc) => Seconds(utc) << IdBits;

    static long Seconds(DateTime utc) => Math.Clamp((long)(utc - Epoch).TotalSeconds, 0, (1L << (62 - IdBits)) - 1);
}
