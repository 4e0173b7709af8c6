using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// The real site on a fresh temporary data folder: migrated, and seeded from the repository's content/
/// unless a test says otherwise. Disposing it deletes the folder (and on PostgreSQL, see <see cref="TestDatabase"/>,
/// its database).
/// </summary>
public class NewsApp : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> _settings;
    readonly bool _ownsData = true;

    public NewsApp(Dictionary<string, string?>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "suzhou-news-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = DataPath,
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
        // The migration and seeding every app would do at start, done once per run and copied (see DataTemplates).
        var template = DataTemplates.Choose(GetType(), settings ?? []);
        if (TestDatabase.IsPostgres)
        {
            // An app restarted on another app's data folder gets that app's database too.
            Database = TestDatabase.For(_settings["Storage:DataPath"]!, DataTemplates.PostgresTemplate(template));
            foreach (var (key, value) in Database.Settings)
            {
                _settings[key] = value;
            }
        }
        DataTemplates.Lay(template, DataPath);
    }

    /// <summary>
    /// A second node of the same site, as on another machine: <paramref name="sameDataAs"/>'s database and data folder
    /// (<see cref="DataSettings"/>) with its own <paramref name="settings"/> on top. The data stays with the first app.
    /// </summary>
    public NewsApp(NewsApp sameDataAs, Dictionary<string, string?>? settings = null)
        : this(sameDataAs.DataSettings.Concat(settings ?? []).ToDictionary(s => s.Key, s => s.Value))
    {
        DataPath = sameDataAs.DataPath;
        _ownsData = false;
    }

    public string DataPath { get; }

    /// <summary>The settings that say where the data is: the data folder, the provider and its connection strings.</summary>
    public IReadOnlyDictionary<string, string?> DataSettings => _settings
        .Where(s => s.Key is "Storage:DataPath" or "Database:Provider" || s.Key.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
        .ToDictionary(s => s.Key, s => s.Value);

    /// <summary>The app's PostgreSQL database; null on SQLite.</summary>
    public PostgresDatabase? Database { get; }

    /// <summary>A context of its own on an unpooled connection: it sees only what the site has committed.</summary>
    public NewsDbContext OpenDatabase() => Database is { } postgres
        ? new PostgresNewsDbContext(new DbContextOptionsBuilder<PostgresNewsDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString).Options)
        : new NewsDbContext(new DbContextOptionsBuilder<NewsDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataPath, "suzhou-news.db"), Pooling = false }.ToString())
            .Options);

    /// <summary>The repository's content/ folder, as copied beside the app by the build.</summary>
    public static string ContentPath => Path.Combine(AppContext.BaseDirectory, "content");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that does not follow redirects, so tests can assert them.</summary>
    public virtual HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsData)
        {
            SqliteConnection.ClearAllPools();
            if (Database is { Owned: true } postgres)
            {
                TestDatabase.Forget(_settings["Storage:DataPath"]!);
                TestDatabase.Drop(postgres.Name);
            }
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be closing; the temp folder is cleaned by the OS eventually.
            }
        }
    }
}

/// <summary>One seeded site shared by the read-only reader tests; small pages so pagination shows.</summary>
public sealed class SeededSite : IDisposable
{
    public const int PageSize = 5;

    public NewsApp App { get; } = new(new() { ["Site:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SeededSiteCollection : ICollectionFixture<SeededSite>
{
    public const string Name = "Seeded site";
}
