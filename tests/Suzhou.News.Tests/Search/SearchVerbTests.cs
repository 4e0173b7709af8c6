namespace Suzhou.News.Tests.Search;

/// <summary><c>search reindex</c> run as a real process, the way the README tells operators to.</summary>
public sealed class SearchVerbTests : IDisposable
{
    readonly VerbProcess _verbs = new();

    public void Dispose() => _verbs.Dispose();

    Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) => _verbs.RunAsync(args);

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
