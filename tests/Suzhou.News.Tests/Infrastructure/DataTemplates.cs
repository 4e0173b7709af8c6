using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>What a new test app's data folder starts as, so the app has nothing to do at start that another did before.</summary>
public enum DataTemplate
{
    /// <summary>Nothing: the app migrates (and seeds) for itself.</summary>
    None,

    /// <summary>A migrated, empty database: what the app's own migration would make.</summary>
    Migrated,

    /// <summary>A migrated database with content/ imported, and its media: what the app's own first start would make.</summary>
    Seeded,
}

/// <summary>
/// Made once per test run and copied into each new app's data folder (on PostgreSQL: a database made with
/// <c>CREATE DATABASE … TEMPLATE</c>). Migrating and seeding 50 articles was most of a test app's start, and about
/// a hundred apps start in a run. The seeded template is made the way an operator seeds a site, by the built app's
/// <c>import</c> verb (migrate, then import content/), so it holds what the app's first start holds, less what that
/// start adds after seeding (the roles and first administrator), which each app then adds itself.
/// </summary>
public static class DataTemplates
{
    /// <summary>Settings no seeded row depends on: an app with only these may start from the seeded template.</summary>
    static readonly string[] SeedNeutral =
        ["Site:", "Reading:", "Feeds:", "Accounts:", "Bootstrap:", "OutputCache:", "Limits:", "Chinese:", "Redis:", "Cluster:", "Newsroom:", "Serilog:"];

    static readonly Lazy<string> MigratedFile = new(CreateMigratedFile);
    static readonly Lazy<VerbProcess> Seeded = new(CreateSeeded);

    /// <summary>
    /// Which template fits an app of type <paramref name="app"/> with <paramref name="settings"/> (the test's own,
    /// before the data settings are added). Apps that choose their data, provider, media or seed folder start empty;
    /// only the plain <see cref="NewsApp"/> gets the seeded template, since a subclass may change what seeding does.
    /// </summary>
    public static DataTemplate Choose(Type app, IReadOnlyDictionary<string, string?> settings)
    {
        if (settings.Keys.Any(k => k.StartsWith("Storage:", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings:", StringComparison.Ordinal)
            || (k.StartsWith("Database:", StringComparison.Ordinal) && k != "Database:SeedOnStartup")))
        {
            return DataTemplate.None;
        }
        if (settings.TryGetValue("Database:SeedOnStartup", out var seed) && string.Equals(seed, "false", StringComparison.OrdinalIgnoreCase))
        {
            return DataTemplate.Migrated;
        }
        return app == typeof(NewsApp) && settings.Keys.All(k => SeedNeutral.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            ? DataTemplate.Seeded
            : DataTemplate.None;
    }

    /// <summary>The PostgreSQL database to copy for <paramref name="template"/>; null for the migrated one <see cref="TestDatabase"/> keeps.</summary>
    public static string? PostgresTemplate(DataTemplate template) =>
        template == DataTemplate.Seeded ? Seeded.Value.Database!.Name : null;

    /// <summary>Lays <paramref name="template"/> into the new, not yet existing, data folder <paramref name="dataPath"/>.</summary>
    public static void Lay(DataTemplate template, string dataPath)
    {
        if (template == DataTemplate.None || Directory.Exists(dataPath))
        {
            return;
        }
        Directory.CreateDirectory(dataPath);
        if (template == DataTemplate.Seeded)
        {
            var source = Seeded.Value.DataPath;
            CopyFolder(Path.Combine(source, "media"), Path.Combine(dataPath, "media"));
            if (!TestDatabase.IsPostgres)
            {
                File.Copy(Path.Combine(source, DatabaseFile), Path.Combine(dataPath, DatabaseFile));
            }
        }
        else if (!TestDatabase.IsPostgres)
        {
            File.Copy(MigratedFile.Value, Path.Combine(dataPath, DatabaseFile));
        }
    }

    const string DatabaseFile = "suzhou-news.db";

    static readonly string Root = Path.Combine(Path.GetTempPath(), "suzhou-news-tests", "templates");

    /// <summary>
    /// A name for this run's template, <c>{process id}-{random}</c>. The test host may be ended before its exit handlers
    /// finish, so the templates of runs whose process is gone are removed here, at the next run, not only at exit.
    /// </summary>
    static string NewName()
    {
        if (Directory.Exists(Root))
        {
            foreach (var folder in Directory.EnumerateDirectories(Root).Where(f => !Running(Path.GetFileName(f))))
            {
                Delete(folder);
            }
        }
        if (TestDatabase.IsPostgres)
        {
            foreach (var database in TestDatabase.Named(SeedDatabasePrefix).Where(d => !Running(d[SeedDatabasePrefix.Length..])))
            {
                TestDatabase.Drop(database);
            }
        }
        return $"{Environment.ProcessId}-{Guid.NewGuid():N}";
    }

    const string SeedDatabasePrefix = "suzhou_test_seed_";

    /// <summary>Whether the process whose id starts <paramref name="name"/> (up to a dash or underscore) still runs.</summary>
    static bool Running(string name)
    {
        var id = name.Split('-', '_')[0];
        if (!int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true; // not ours to judge
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean, like the apps' own folders.
        }
    }

    static string CreateMigratedFile()
    {
        var folder = Path.Combine(Root, NewName());
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(folder);
        var file = Path.Combine(folder, DatabaseFile);
        // As the app's MigrateDatabaseAsync does; unpooled, so the file is closed (and its WAL folded in) at the end.
        using (var db = new NewsDbContext(new DbContextOptionsBuilder<NewsDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()).Options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        return file;
    }

    static VerbProcess CreateSeeded()
    {
        var name = NewName();
        var seeded = new VerbProcess(Path.Combine(Root, name), SeedDatabasePrefix + name.Replace('-', '_'));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => seeded.Dispose();
        // On the thread pool: the test runner's own threads may all be waiting here for this very template.
        var (exitCode, output, errors) = Task.Run(() => seeded.RunAsync("import", NewsApp.ContentPath)).GetAwaiter().GetResult();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Seeding the template failed ({exitCode}):\n{output}\n{errors}");
        }
        return seeded;
    }

    static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
