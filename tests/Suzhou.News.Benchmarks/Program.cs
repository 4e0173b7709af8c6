// Search benchmark: generates N articles into a temporary data folder through the app's own save path,
// then times 2-, 3- and 4-character queries, measures the index and rebuilds it.
//   dotnet run -c Release --project tests/Suzhou.News.Benchmarks -- [--count 100000] [--queries 200] [--data DIR] [--keep]
// `-- micro [BenchmarkDotNet options]` runs the micro-benchmarks instead (Micro/MicroBenchmarks.cs).
// On PostgreSQL: set Database__Provider=Postgres and ConnectionStrings__News to an empty database (kept afterwards).
// With --generate-only it stops after filling DIR (used by http-bench.sh for the HTTP figures).
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Articles;
using Suzhou.News.Benchmarks;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Feeds;
using Suzhou.News.Media;
using Suzhou.News.Operations;
using Suzhou.News.Search;
using Suzhou.News.Site;

if (args.FirstOrDefault() == "micro")
{
    return Suzhou.News.Benchmarks.Micro.MicroBenchmarks.Run(args[1..]);
}

var count = IntArg("--count", 100_000);
var queriesPerLength = IntArg("--queries", 200);
var keep = args.Contains("--keep");
var dataPath = StringArg("--data") ?? Path.Combine(Path.GetTempPath(), "suzhou-news-bench", Guid.NewGuid().ToString("N"));

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Configuration["Storage:DataPath"] = dataPath;
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
if (StringArg("--max-results") is { } maxResults)
{
    builder.Configuration["Search:MaxResults"] = maxResults;
}
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddStorage();
builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddSite();
builder.Services.AddChannels();
builder.Services.AddMedia();
builder.Services.AddArticles();
builder.Services.AddSearch();
builder.Services.AddFeeds();
await using var app = builder.Build();
await app.Services.MigrateDatabaseAsync();
var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();

Console.WriteLine($"数据目录：{dataPath}");
var data = new BenchData();
int existing;
await using (var scope = scopes.CreateAsyncScope())
{
    existing = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles.CountAsync();
}
if (existing < count)
{
    var progress = new ConsoleProgress("生成文章");
    var clock = Stopwatch.StartNew();
    await data.GenerateAsync(scopes, count - existing, DateTime.UtcNow, TimeSpan.FromDays(3 * 365),
        firstNumber: 1_000_000 + existing, progress: progress.Report);
    Console.WriteLine($"生成并索引 {count - existing} 篇，用时 {clock.Elapsed.TotalSeconds:0.0} 秒（含逐批索引）");
}

if (args.Contains("--generate-only"))
{
    return 0;
}

long textBytes, indexBytes;
await using (var scope = scopes.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
    textBytes = await db.Database.SqlQueryRaw<long>(db.Database.IsNpgsql()
        ? """SELECT CAST(coalesce(sum(octet_length("Title") + octet_length(coalesce("Summary", '')) + octet_length("BodyPlainText")), 0) AS bigint) AS "Value" FROM "Articles" """
        : "SELECT coalesce(sum(length(CAST(Title AS BLOB)) + length(CAST(coalesce(Summary,'') AS BLOB)) + length(CAST(BodyPlainText AS BLOB))), 0) AS Value FROM Articles").SingleAsync();
    indexBytes = await SearchIndexWriter.SizeAsync(db);
}

// Queries: warm up, then time each one as a page request would run it (a fresh scope and context).
const string Header = "| 查询 | 次数 | 中位数 | p95 | 最慢 | CPU 中位数 | CPU p95 | 结果数中位 |";
var rows = new List<string>();
foreach (var length in new[] { 2, 3, 4 })
{
    var queries = data.Queries(length, queriesPerLength);
    foreach (var q in queries.Take(20))
    {
        await RunAsync(q);
    }
    var times = new List<double>();
    var cpu = new List<double>();
    var hits = new List<int>();
    var process = Process.GetCurrentProcess();
    foreach (var q in queries)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var total = await RunAsync(q);
        times.Add(clock.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        hits.Add(total);
    }
    times.Sort();
    cpu.Sort();
    hits.Sort();
    // Wall time suffers when other work shares the cores; process CPU time per query does much less.
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {length} 字 | {queries.Count} | {Percentile(times, 0.5):0.0} ms | {Percentile(times, 0.95):0.0} ms | {times[^1]:0.0} ms | {Percentile(cpu, 0.5):0.0} ms | {Percentile(cpu, 0.95):0.0} ms | {hits[hits.Count / 2]} |"));
}

if (args.Contains("--no-rebuild"))
{
    Console.WriteLine(Header);
    rows.ForEach(Console.WriteLine);
    return 0;
}
var rebuild = await app.Services.GetRequiredService<SearchIndexer>().RebuildAsync(new ConsoleProgress("重建索引").Report);

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"文章 {count} 篇，正文等文字 {textBytes / 1048576.0:0} MB（UTF-8），索引 {indexBytes / 1048576.0:0} MB（{(double)indexBytes / Math.Max(1, textBytes):0.00} 倍），重建用时 {rebuild.Elapsed.TotalSeconds:0} 秒，重建后索引 {rebuild.IndexBytes / 1048576.0:0} MB"));
Console.WriteLine(Header);
Console.WriteLine("|---|---|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);

if (!keep)
{
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataPath, recursive: true);
}
return 0;

async Task<int> RunAsync(string q)
{
    await using var scope = scopes.CreateAsyncScope();
    var results = await scope.ServiceProvider.GetRequiredService<ArticleSearch>().SearchAsync(new SearchRequest(q));
    return results.Total;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

int IntArg(string name, int fallback) =>
    StringArg(name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : fallback;

string? StringArg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
