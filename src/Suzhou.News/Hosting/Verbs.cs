using Microsoft.Extensions.Options;
using Suzhou.News.Import;

namespace Suzhou.News.Hosting;

/// <summary>
/// Operator commands on the same app, after <c>--</c>: <c>migrate</c>, <c>import &lt;dir&gt;</c>, <c>search reindex</c>.
/// Each exits non-zero with a clear message on failure.
/// </summary>
public sealed class Verbs
{
    readonly string _name;
    readonly string[] _arguments;

    Verbs(string name, string[] arguments)
    {
        _name = name;
        _arguments = arguments;
    }

    static readonly string[] Names = ["migrate", "import", "search"];

    public static Verbs? Find(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? new Verbs(args[0], args[1..].Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToArray()) : null;

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
                "import" => await ImportAsync(app, cancel.Token),
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
}
