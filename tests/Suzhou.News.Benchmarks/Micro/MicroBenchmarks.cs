using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Suzhou.News.Articles;
using Suzhou.News.Search;

namespace Suzhou.News.Benchmarks.Micro;

/// <summary>
/// BenchmarkDotNet micro-benchmarks, run with <c>dotnet run -c Release --project tests/Suzhou.News.Benchmarks -- micro</c>
/// (add a BenchmarkDotNet filter after it, e.g. <c>-- micro --filter *Markdown*</c>). In-process, so no child
/// project is built; a short job keeps a full run to a couple of minutes on two cores.
/// </summary>
public static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromTypes([typeof(MarkdownBenchmarks), typeof(SearchTextBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>A long article as a reporter writes it: headings, paragraphs, a picture, a list, a table, links.</summary>
    public static string LongArticle(int paragraphs = 24)
    {
        var data = new BenchData(seed: 7);
        var markdown = new StringBuilder();
        for (var i = 0; i < paragraphs; i++)
        {
            if (i % 6 == 0)
            {
                markdown.Append("## ").Append(data.Sentence(8).TrimEnd('。', '！')).Append("\n\n");
            }
            markdown.Append(data.Sentence(60)).Append(data.Sentence(50)).Append("\n\n");
            if (i == 3)
            {
                markdown.Append("![宿州东站候车大厅](/media/bench-station.jpg \"记者 李航 摄\")\n\n");
            }
            if (i == 9)
            {
                markdown.Append("- ").Append(data.Sentence(20)).Append("\n- ").Append(data.Sentence(20)).Append("\n- [详情](https://www.example.cn/a?b=1)\n\n");
            }
            if (i == 15)
            {
                markdown.Append("| 县区 | 项目数 | 投资（亿元） |\n|:---|---:|---:|\n| 埇桥区 | 12 | 35.6 |\n| 砀山县 | 8 | 21.0 |\n| 萧县 | 9 | 18.4 |\n\n");
            }
        }
        return markdown.ToString();
    }
}

/// <summary>What a save costs: Markdig to HTML, HtmlSanitizer plus the DOM touches, and the plain text for search.</summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    readonly MarkdownRenderer _renderer = new();
    string _long = "";
    string _short = "";

    [GlobalSetup]
    public void Setup()
    {
        _long = MicroBenchmarks.LongArticle();
        _short = MicroBenchmarks.LongArticle(paragraphs: 4);
    }

    [Benchmark(Baseline = true, Description = "render + sanitize, short article (~0.5k chars)")]
    public RenderedMarkdown ShortArticle() => _renderer.Render(_short);

    [Benchmark(Description = "render + sanitize, long article (~3k chars)")]
    public RenderedMarkdown LongArticle() => _renderer.Render(_long);
}

/// <summary>The search query builder (reader input → FTS5 match) and the index-side bigram cutter.</summary>
[MemoryDiagnoser]
public class SearchTextBenchmarks
{
    // Fields, not literals, so nothing is folded at compile time.
    readonly string _two = "宿州";
    readonly string _mixed = "  宿州东站 G3 2026年 高铁 开通 ";
    string _body = "";

    [GlobalSetup]
    public void Setup() => _body = new BenchData(seed: 11).NextArticle(1, 1, null, DateTime.UtcNow).BodyPlainText;

    [Benchmark(Description = "query → match: 2 characters (宿州)")]
    public string? TwoCharacters() => SearchText.ToMatch(_two);

    [Benchmark(Description = "query → match: sentence with Latin and digits")]
    public string? Mixed() => SearchText.ToMatch(_mixed);

    [Benchmark(Description = "query → match: 100-character paste")]
    public string? LongPaste() => SearchText.ToMatch(_body[..100]);

    [Benchmark(Description = "index terms of a 2,000-character body")]
    public string Terms() => SearchText.ToTerms(_body);
}
