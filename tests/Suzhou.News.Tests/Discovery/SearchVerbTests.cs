using System.Diagnostics;
using Suzhou.News.Tests.Infrastructure;

namespace Suzhou.News.Tests.Discovery;

/// <summary><c>search reindex</c> run as a real process, the way the README tells operators to.</summary>
public sealed class SearchVerbTests : IDisposable
{
    readonly string _dataPath = Path.Combine(Path.GetTempPath(), "suzhou-news-verbs", Guid.NewGuid().ToString("N"));
    readonly PostgresDatabase? _database = TestDatabase.IsPostgres ? TestDatabase.Create(migrated: false) : null;

    public void Dispose()
    {
        if (_database is not null)
        {
            TestDatabase.Drop(_database.Name);
        }
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Suzhou.News.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["SUZHOU_DATA_DIR"] = _dataPath;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in _database?.Environment ?? [])
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Search_reindex_rebuilds_every_article_with_progress_and_a_summary()
    {
        Assert.Equal(0, (await RunAsync("import", NewsApp.ContentPath)).ExitCode);

        var (exitCode, output, _) = await RunAsync("search", "reindex");

        Assert.Equal(0, exitCode);
        Assert.Contains("重建搜索索引 50/50（100%）", output);
        Assert.Contains("索引重建完成：文章 50 篇", output);
    }

    [Fact]
    public async Task Search_without_a_known_subcommand_explains_its_usage()
    {
        var (exitCode, _, errors) = await RunAsync("search", "frobnicate");

        Assert.Equal(64, exitCode);
        Assert.Contains("search reindex", errors);
    }
}
