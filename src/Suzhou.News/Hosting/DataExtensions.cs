using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Cluster;
using Suzhou.News.Data;
using Suzhou.News.Import;

namespace Suzhou.News.Hosting;

public static class DataExtensions
{
    /// <summary>Storage and database options, <see cref="NewsDbContext"/> on SQLite and the data-protection keys, all in the data folder.</summary>
    public static IServiceCollection AddNewsData(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure<IHostEnvironment>((storage, env) =>
            {
                var path = storage.DataPath;
                if (string.IsNullOrWhiteSpace(path))
                {
                    path = Environment.GetEnvironmentVariable(StorageOptions.EnvironmentVariable);
                }
                if (string.IsNullOrWhiteSpace(path))
                {
                    path = "App_Data";
                }
                storage.DataPath = Path.GetFullPath(path, env.ContentRootPath);
                storage.ResolveRelativeTo(env.ContentRootPath);
            })
            .ValidateOnStart();

        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(db => string.Equals(db.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase),
                "Database:Provider 目前只支持 Sqlite")
            .ValidateOnStart();

        services.AddDbContextPool<NewsDbContext>((sp, options) =>
            options.UseSqlite(ConnectionString(sp)));

        // Keys live in the data folder, so cookies and antiforgery tokens survive a restart; with several nodes they
        // live in the database, so a cookie signed on one node is read on every other (DataProtection:Store).
        services.AddDataProtection().SetApplicationName("Suzhou.News");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, IOptions<KeyStoreOptions>, IServiceProvider, ILoggerFactory>((keys, storage, store, sp, logs) =>
                keys.XmlRepository = store.Value.InDatabase
                    ? new EntityFrameworkCoreXmlRepository<NewsDbContext>(sp, logs)
                    : new FileSystemXmlRepository(new DirectoryInfo(storage.Value.KeysPath), logs));

        services.AddSingleton<ContentImporter>();
        services.AddScoped<DataBackup>();
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
    /// Applies pending migrations, logging what it did, and switches the database to WAL so readers
    /// never wait for the writer.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Directory.CreateDirectory(storage.DataPath);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<NewsDbContext>>();

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database is up to date");
        }
        else
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
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
}
