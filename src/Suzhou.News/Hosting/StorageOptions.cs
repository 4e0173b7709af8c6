namespace Suzhou.News.Hosting;

/// <summary>
/// One folder for everything the site writes: database, media, tip attachments, keys, logs.
/// <c>Storage:DataPath</c>, else the <c>SUZHOU_DATA_DIR</c> environment variable, else <c>App_Data</c> beside the app.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string EnvironmentVariable = "SUZHOU_DATA_DIR";

    public string DataPath { get; set; } = "";

    public string DatabaseFile => Path.Combine(DataPath, "suzhou-news.db");
    public string MediaPath => Path.Combine(DataPath, "media");
    public string LogsPath => Path.Combine(DataPath, "logs");
    public string KeysPath => Path.Combine(DataPath, "keys");

    /// <summary>Files sent with tips and reports: random names, never served publicly.</summary>
    public string AttachmentsPath => Path.Combine(DataPath, "attachments");
}

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
