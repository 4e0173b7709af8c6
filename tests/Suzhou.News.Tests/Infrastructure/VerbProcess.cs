using System.Diagnostics;
using System.Text;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// The built site run as a child process with an operator verb (<c>dotnet Suzhou.News.dll import …</c>), the way the
/// README tells operators to: on its own fresh data folder (<see cref="DataPath"/>, not created until a verb makes
/// it) and, on PostgreSQL, its own empty database, as an operator's first <c>migrate</c> would find. Each run is
/// awaited to its exit, however slow the machine; only at <see cref="Wait.Ceiling"/> is it killed and the test failed
/// with what it had printed so far.
/// </summary>
public sealed class VerbProcess : IDisposable
{
    /// <param name="dataPath">The data folder; a new one under the temp folder when null.</param>
    /// <param name="databaseName">On PostgreSQL, the empty database's name; a new one when null.</param>
    public VerbProcess(string? dataPath = null, string? databaseName = null)
    {
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "suzhou-news-verbs", Guid.NewGuid().ToString("N"));
        Database = TestDatabase.IsPostgres ? TestDatabase.Create(migrated: false, databaseName) : null;
    }

    public string DataPath { get; }

    /// <summary>The process's PostgreSQL database, empty (not migrated); null on SQLite.</summary>
    public PostgresDatabase? Database { get; }

    public Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the site with <paramref name="args"/> and <paramref name="environment"/> on top of the data settings.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
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
        start.Environment["SUZHOU_DATA_DIR"] = DataPath;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in Database?.Environment ?? [])
        {
            start.Environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var reading = Task.WhenAll(CopyAsync(process.StandardOutput, output), CopyAsync(process.StandardError, errors));
        using var ceiling = new CancellationTokenSource(Wait.Ceiling);
        try
        {
            await process.WaitForExitAsync(ceiling.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{string.Join(' ', args)}` had not exited after {Wait.Ceiling.TotalMinutes:0} minutes. Output so far:\n{Read(output)}\nErrors so far:\n{Read(errors)}");
        }
        await reading;
        return (process.ExitCode, output.ToString(), errors.ToString());
    }

    /// <summary>Copies a stream as it comes, so a process that hangs can still show what it printed.</summary>
    static async Task CopyAsync(StreamReader from, StringBuilder to)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            lock (to)
            {
                to.Append(buffer, 0, read);
            }
        }
    }

    static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    public void Dispose()
    {
        if (Database is not null)
        {
            TestDatabase.Drop(Database.Name);
        }
        if (Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
