using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Accounts;
using Suzhou.News.Operations;

namespace Suzhou.News.Tests.Operations;

public sealed class BackupTests : IDisposable
{
    readonly NewsApp _app = new();
    readonly string _target = Path.Combine(Path.GetTempPath(), "suzhou-news-backups", Guid.NewGuid().ToString("N"), "backup.zip");

    public void Dispose()
    {
        _app.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_target)!, recursive: true);
    }

    [SqliteOnlyFact("opens the SQLite file inside the zip; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_taken_while_the_site_writes_opens_as_a_consistent_database_with_the_media()
    {
        _ = _app.Services; // start the site: migrated and seeded
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var scope = _app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "writer", Action = "test.write", Target = $"n:{writes}" });
                await db.SaveChangesAsync();
                writes++;
            }
        });
        while (writes < 20)
        {
            await Task.Delay(10);
        }

        BackupSummary summary;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            summary = await scope.ServiceProvider.GetRequiredService<DataBackup>().CreateAsync(_target);
        }
        var writesDuringBackup = writes;
        await stop.CancelAsync();
        await writer;

        var restored = Path.Combine(Path.GetDirectoryName(_target)!, "restored");
        ZipFile.ExtractToDirectory(_target, restored);
        Assert.True(summary.Files > 0);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(restored, "media")));
        await using var copy = new SqliteConnection($"Data Source={Path.Combine(restored, "suzhou-news.db")};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("ok", await Scalar(copy, "PRAGMA integrity_check"));
        Assert.Equal(50L, await Scalar(copy, "SELECT COUNT(*) FROM Articles"));
        var copied = (long)(await Scalar(copy, "SELECT COUNT(*) FROM AuditEntries WHERE Action = 'test.write'"))!;
        Assert.InRange(copied, 20, writesDuringBackup);
    }

    [SqliteOnlyFact("the backup verb refuses on PostgreSQL (see VerbTests)")]
    public async Task Backup_never_overwrites_an_existing_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        await File.WriteAllTextAsync(_target, "keep me");
        await using var scope = _app.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<IOException>(() => scope.ServiceProvider.GetRequiredService<DataBackup>().CreateAsync(_target));
        Assert.Equal("keep me", await File.ReadAllTextAsync(_target));
    }

    static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
