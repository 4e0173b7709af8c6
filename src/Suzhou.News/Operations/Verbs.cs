using Microsoft.Extensions.Options;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Import;
using Suzhou.News.Import.Legacy;

namespace Suzhou.News.Operations;

/// <summary>
/// Operator commands on the same app, after <c>--</c>: <c>migrate</c>, <c>import [--legacy] &lt;dir&gt;</c>,
/// <c>users …</c>, <c>backup &lt;file&gt;</c>, <c>search reindex</c>.
/// Each exits non-zero with a clear message on failure.
/// </summary>
public sealed class Verbs
{
    readonly string _name;
    readonly string[] _arguments;
    readonly string[] _raw;
    readonly bool _legacy;

    Verbs(string name, string[] raw)
    {
        _name = name;
        _raw = raw.Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal))).ToArray();
        // Configuration overrides such as --urls or --Storage:DataPath=… are not the verb's arguments.
        _arguments = raw.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        _legacy = name == "import" && raw.Contains("--legacy");
    }

    static readonly string[] Names = ["migrate", "import", "users", "backup", "search"];

    public static Verbs? Find(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? new Verbs(args[0], args[1..]) : null;

    public async Task<int> RunAsync(WebApplication app)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return _name switch
            {
                "migrate" => await MigrateAsync(app, cancel.Token),
                "import" when _legacy => await ImportLegacyAsync(app, cancel.Token),
                "import" => await ImportAsync(app, cancel.Token),
                "users" => await UsersVerb.RunAsync(app.Services, _raw, cancel.Token),
                "backup" => await BackupAsync(app, cancel.Token),
                "search" => await Search.SearchExtensions.RunVerbAsync(app, _arguments, cancel.Token),
                _ => 64,
            };
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("已取消。");
            return 130;
        }
    }

    /// <summary>
    /// This process is not the site: with Redis (several nodes) the import evicts the shared output cache and tells
    /// every running node to drop its memory caches; on one node without Redis this reaches nothing.
    /// </summary>
    static Task TellRunningNodesAsync(WebApplication app, CancellationToken ct) =>
        app.Services.GetRequiredService<Site.PublicCache>().EverythingChangedAsync(ct);

    static async Task<int> MigrateAsync(WebApplication app, CancellationToken ct)
    {
        await app.Services.MigrateDatabaseAsync(ct);
        Console.WriteLine("数据库已是最新结构。");
        return 0;
    }

    async Task<int> ImportAsync(WebApplication app, CancellationToken ct)
    {
        if (_arguments.Length != 1)
        {
            await Console.Error.WriteLineAsync("用法：dotnet run --project src/Suzhou.News -- import <内容目录>");
            return 64;
        }
        var directory = _arguments[0];
        if (!Directory.Exists(directory))
        {
            await Console.Error.WriteLineAsync($"内容目录不存在：{directory}");
            return 66;
        }
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await app.Services.MigrateDatabaseAsync(ct);
        }
        var report = await app.Services.GetRequiredService<ContentImporter>()
            .ImportAsync(directory, new ConsoleImportListener(), ct);
        await TellRunningNodesAsync(app, ct);
        Console.WriteLine(report.Summary);
        // Some files were skipped: the rest is imported, but the operator must look.
        return report.HasErrors ? 65 : 0;
    }

    async Task<int> BackupAsync(WebApplication app, CancellationToken ct)
    {
        if (_arguments.Length != 1)
        {
            await Console.Error.WriteLineAsync("用法：dotnet run --project src/Suzhou.News -- backup <备份文件.zip>");
            return 64;
        }
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres)
        {
            // A zip without the database would look like a backup and not be one: refuse, and say what to do instead.
            await Console.Error.WriteLineAsync(DataBackup.PostgresRefusal);
            return 69;
        }
        if (!File.Exists(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabaseFile))
        {
            await Console.Error.WriteLineAsync("数据目录中没有数据库，无可备份。");
            return 66;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastPrinted = TimeSpan.FromSeconds(-10);
        try
        {
            var summary = await scope.ServiceProvider.GetRequiredService<DataBackup>().CreateAsync(_arguments[0], (done, total) =>
            {
                if (done != total && clock.Elapsed - lastPrinted < TimeSpan.FromSeconds(1))
                {
                    return;
                }
                lastPrinted = clock.Elapsed;
                var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                var left = done == 0 ? "--:--" : TimeSpan.FromSeconds((total - done) / rate).ToString(@"mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
                Console.WriteLine($"备份 {done}/{total} 个文件，{rate:0.0} 个/秒，预计剩余 {left}");
            }, ct);
            Console.WriteLine($"备份完成：{summary.File}，数据库 {summary.DatabaseBytes / 1024.0 / 1024:0.0} MB，另有 {summary.Files} 个文件，" +
                $"压缩包 {summary.ArchiveBytes / 1024.0 / 1024:0.0} MB，用时 {summary.Elapsed.TotalSeconds:0.0} 秒。");
            return 0;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"备份失败：{e.Message}");
            return 73;
        }
    }

    /// <summary>Old articles saved as plain text: repaired, kept under their old numbers, reported per file.</summary>
    async Task<int> ImportLegacyAsync(WebApplication app, CancellationToken ct)
    {
        if (_arguments.Length != 1)
        {
            await Console.Error.WriteLineAsync("用法：dotnet run --project src/Suzhou.News -- import --legacy <旧稿目录>");
            return 64;
        }
        var directory = _arguments[0];
        if (!Directory.Exists(directory))
        {
            await Console.Error.WriteLineAsync($"旧稿目录不存在：{directory}");
            return 66;
        }
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await app.Services.MigrateDatabaseAsync(ct);
        }
        var dataPath = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataPath;
        var listener = new ConsoleImportListener();
        var report = await app.Services.GetRequiredService<LegacyImporter>()
            .ImportAsync(directory, dataPath, listener, listener.Note, ct);
        await TellRunningNodesAsync(app, ct);
        Console.WriteLine(report.Summary);
        Console.WriteLine($"逐篇报告：{report.ReportPath}");
        return report.HasErrors ? 65 : 0;
    }
}
