using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Suzhou.News.Cluster;
using Suzhou.News.Import;
using Suzhou.News.Operations;

namespace Suzhou.News.Data;

public static partial class DataExtensions
{
    /// <summary>
    /// <see cref="NewsDbContext"/> on SQLite (default) or PostgreSQL as <c>Database:Provider</c> says, and the
    /// data-protection keys in the data folder or the database.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(db => db.IsPostgres || string.Equals(db.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase),
                "Database:Provider 只能是 Sqlite 或 Postgres")
            .Validate<IConfiguration>((db, config) => !db.IsPostgres || !string.IsNullOrWhiteSpace(config.GetConnectionString("News")),
                "Database:Provider 为 Postgres 时必须设置 ConnectionStrings:News（例如 Host=127.0.0.1;Database=suzhou_news;Username=…;Password=…）")
            .ValidateOnStart();

        // The provider decides the context's type (each has its own migrations), so it is read here; a bad value
        // is reported by the validation above before the database is touched.
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres)
        {
            services.AddDbContextPool<NewsDbContext, PostgresNewsDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<IConfiguration>().GetConnectionString("News")));
        }
        else
        {
            services.AddDbContextPool<NewsDbContext>((sp, options) =>
                options.UseSqlite(ConnectionString(sp)));
        }

        // Keys live in the data folder, so cookies and antiforgery tokens survive a restart; with several nodes they
        // live in the database, so a cookie signed on one node is read on every other (DataProtection:Store).
        services.AddDataProtection().SetApplicationName("Suzhou.News");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IOptions<KeyStoreOptions>, IServiceProvider, ILoggerFactory>((keys, storage, store, sp, logs) =>
                keys.XmlRepository = store.Value.InDatabase
                    ? new EntityFrameworkCoreXmlRepository<NewsDbContext>(sp, logs)
                    : new FileSystemXmlRepository(new DirectoryInfo(storage.Value.KeysPath), logs));

        return services;
    }

    static string ConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("News");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        return new SqliteConnectionStringBuilder { DataSource = storage.DatabaseFile, Pooling = true }.ToString();
    }

    /// <summary>
    /// Applies pending migrations of the active provider, logging what it did, and switches a SQLite database to
    /// WAL so readers never wait for the writer.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.DataPath);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<NewsDbContext>>();

        if (db.Database.IsNpgsql())
        {
            // Otherwise EF reads the missing history table of an empty database and logs that as an error
            // (dotnet/efcore#37328).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            LogUpToDate(logger);
        }
        else
        {
            LogMigrating(logger, pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>Migrates (unless turned off) and seeds an empty database from the content folder.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await app.Services.MigrateDatabaseAsync();
        }
        if (options.SeedOnStartup)
        {
            await app.Services.GetRequiredService<ContentImporter>().SeedIfEmptyAsync(SeedPath(options));
        }
    }

    public static string SeedPath(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.SeedPath)
            ? Path.Combine(AppContext.BaseDirectory, "content")
            : Path.GetFullPath(options.SeedPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database is up to date")]
    static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    static partial void LogMigrating(ILogger logger, int count, string migrations);
}
