namespace Suzhou.News.Data;

/// <summary>How the database is reached and prepared.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// <c>Sqlite</c> (a file in the data folder, or <c>ConnectionStrings:News</c>) or <c>Postgres</c>
    /// (<c>ConnectionStrings:News</c> required).
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Apply pending migrations at start-up. Turn off in production and run the <c>migrate</c> verb instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Import <see cref="SeedPath"/> at start-up when the database has no articles.</summary>
    public bool SeedOnStartup { get; set; } = true;

    /// <summary>The content folder to seed from; defaults to the copy of <c>content/</c> shipped beside the app.</summary>
    public string? SeedPath { get; set; }
}
