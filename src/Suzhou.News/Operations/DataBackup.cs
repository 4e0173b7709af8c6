using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Data;

namespace Suzhou.News.Operations;

/// <summary>What a backup holds, for the summary line.</summary>
public sealed record BackupSummary(string File, long DatabaseBytes, int Files, long ArchiveBytes, TimeSpan Elapsed);

/// <summary>
/// <c>backup &lt;file.zip&gt;</c>: a consistent copy of the live SQLite database (<c>VACUUM INTO</c>, which reads one
/// snapshot while the site keeps writing) plus the data folder's files — media, tip attachments and the
/// data-protection keys — in one zip. Restore: stop the site, unzip into an empty data folder, start.
/// SQLite only: a PostgreSQL database is backed up with <c>pg_dump</c> (<see cref="PostgresRefusal"/>).
/// </summary>
public sealed class DataBackup(NewsDbContext db, IOptions<StorageOptions> storage)
{
    /// <summary>
    /// Folders that go into the archive besides the database, under these names, wherever <c>Storage:*</c> put them
    /// (the data folder by default, a shared mount when several nodes run).
    /// </summary>
    public static IReadOnlyList<(string Name, string Path)> Folders(StorageOptions storage) =>
        [("media", storage.MediaPath), ("attachments", storage.AttachmentsPath), ("keys", storage.KeysPath)];

    public const string PostgresRefusal =
        "数据库在 PostgreSQL 上，backup 命令只能备份 SQLite 数据库，未写入任何文件。" +
        "请用 pg_dump 备份数据库（例如 pg_dump -Fc -d suzhou_news -f suzhou-news.dump），" +
        "并另行复制数据目录中的 media、attachments 和 keys 文件夹。";

    public async Task<BackupSummary> CreateAsync(string target, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException(PostgresRefusal);
        }
        var clock = Stopwatch.StartNew();
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new IOException($"备份文件已存在：{target}（不会覆盖）");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var snapshot = target + ".db.tmp";
        try
        {
            // A fresh connection so the pooled context's settings don't matter; the path is quoted for SQL.
            await using (var connection = new SqliteConnection(db.Database.GetConnectionString()))
            {
                await connection.OpenAsync(ct);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", snapshot);
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            var databaseBytes = new FileInfo(snapshot).Length;

            var files = Folders(storage.Value)
                .Where(f => Directory.Exists(f.Path))
                .SelectMany(f => Directory.EnumerateFiles(f.Path, "*", SearchOption.AllDirectories)
                    .Select(file => (Entry: f.Name + "/" + Path.GetRelativePath(f.Path, file).Replace('\\', '/'), File: file)))
                .ToList();
            progress?.Invoke(0, files.Count + 1);

            await using (var zip = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create))
            {
                archive.CreateEntryFromFile(snapshot, Path.GetFileName(storage.Value.DatabaseFile), CompressionLevel.Fastest);
                progress?.Invoke(1, files.Count + 1);
                for (var i = 0; i < files.Count; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    var (name, file) = files[i];
                    // Pictures are already compressed; don't spend CPU on them again.
                    archive.CreateEntryFromFile(file, name, name.StartsWith("keys/", StringComparison.Ordinal) ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                    progress?.Invoke(i + 2, files.Count + 1);
                }
            }
            return new BackupSummary(target, databaseBytes, files.Count, new FileInfo(target).Length, clock.Elapsed);
        }
        catch
        {
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            throw;
        }
        finally
        {
            File.Delete(snapshot);
        }
    }
}
