using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Suzhou.News.BrowserTests.Infrastructure;

/// <summary>
/// One person's path through the site in its own browser context. Every step leaves a full-page PNG and the
/// axe results as JSON under <c>{test output}/evidence/{journey}/{nn-step}</c>; serious and critical axe
/// violations are gathered and fail the journey at <see cref="FinishAsync"/>, each with rule, impact, elements
/// and help link.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    static readonly string[] Failing = ["serious", "critical"];

    // Every rule runs; only violations and "needs review" items keep their full element lists in the JSON.
    static readonly AxeRunOptions AxeOptions = new() { ResultTypes = [ResultType.Violations, ResultType.Incomplete] };

    readonly IBrowserContext _context;
    readonly List<string> _violations = [];
    int _step;

    public Journey(string name, IBrowserContext context, IPage page)
    {
        Name = name;
        _context = context;
        Page = page;
        EvidencePath = Path.Combine(AppContext.BaseDirectory, "evidence", name);
        if (Directory.Exists(EvidencePath))
        {
            Directory.Delete(EvidencePath, recursive: true);
        }

        Directory.CreateDirectory(EvidencePath);
    }

    public string Name { get; }

    public IPage Page { get; }

    public string EvidencePath { get; }

    /// <summary>Records the page as it is now: a screenshot, then an axe scan of the whole document.</summary>
    public async Task StepAsync(string step)
    {
        _step++;
        var file = Path.Combine(EvidencePath, $"{_step:00}-{step}");
        await Page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true });

        var axe = await Page.RunAxe(AxeOptions);
        await File.WriteAllTextAsync(file + ".json", axe.ToString());
        foreach (var violation in axe.Violations.Where(v => Failing.Contains(v.Impact)))
        {
            _violations.Add(Describe(step, Page.Url, violation));
        }
    }

    /// <summary>No horizontal scrolling: the document is no wider than the viewport.</summary>
    public async Task AssertNoHorizontalScrollingAsync(string step)
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1],
            $"{Name}/{step}: {Page.Url} scrolls sideways: the document is {widths[0]}px wide in a {widths[1]}px viewport.");
    }

    /// <summary>Fails with every serious or critical axe violation seen on the way.</summary>
    public Task FinishAsync()
    {
        Assert.True(_violations.Count == 0,
            $"{_violations.Count} serious or critical accessibility violation(s) in journey {Name} (evidence: {EvidencePath}):\n"
            + string.Join("\n", _violations));
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    static string Describe(string step, string url, AxeResultItem violation)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"- [{step}] {url}: {violation.Id} ({violation.Impact}) {violation.Help} — {violation.HelpUrl}");
        foreach (var node in violation.Nodes.Take(5))
        {
            var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault();
            text.Append(CultureInfo.InvariantCulture, $"\n    at {node.Target}: {Shorten(node.Html)} — {why}");
        }

        if (violation.Nodes.Length > 5)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    … and {violation.Nodes.Length - 5} more elements");
        }

        return text.ToString();
    }

    static string Shorten(string html)
    {
        var line = html.ReplaceLineEndings(" ");
        return line.Length <= 160 ? line : line[..160] + "…";
    }
}
