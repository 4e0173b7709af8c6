using Microsoft.Extensions.Options;
using Suzhou.News.Import;
using Suzhou.News.Import.Legacy;

namespace Suzhou.News.Hosting;

/// <summary>
/// Operator commands on the same app, after <c>--</c>: <c>migrate</c>, <c>import &lt;dir&gt;</c>, <c>import --legacy &lt;dir&gt;</c>.
/// Each exits non-zero with a clear message on failure.
/// </summary>
public sealed class Verbs
{
    readonly string _name;
    readonly string[] _arguments;
    readonly bool _legacy;

    Verbs(string name, string[] arguments, bool legacy)
    {
        _name = name;
        _arguments = arguments;
        _legacy = legacy;
    }

    static readonly string[] Names = ["migrate", "import"];

    public static Verbs? Find(string[] args) =>
        args.Length > 0 && Names.Contains(args[0])
            ? new Verbs(args[0], args[1..].Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToArray(),
                legacy: args[0] == "import" && args.Contains("--legacy"))
            : null;

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
                _ => 64,
            };
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("已取消。");
            return 130;
        }
    }

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
        Console.WriteLine(report.Summary);
        // Some files were skipped: the rest is imported, but the operator must look.
        return report.HasErrors ? 65 : 0;
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
        Console.WriteLine(report.Summary);
        Console.WriteLine($"逐篇报告：{report.ReportPath}");
        return report.HasErrors ? 65 : 0;
    }
}
