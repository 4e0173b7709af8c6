using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Import;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Import;

public sealed class ContentImporterTests : IDisposable
{
    readonly ImportFixture _content = new();

    public void Dispose() => _content.Dispose();

    static ImportProblem OnlyError(ImportReport report) => Assert.Single(report.Problems, p => !p.IsWarning);

    [Fact]
    public async Task Valid_file_is_imported_with_rendered_body_credits_tags_and_topic()
    {
        _content.Write("a.md", ImportFixture.Article(300001, "cover:", "  src: media/grand-canal.svg", "  alt: 运河古道", "  caption: 清淤后的古道", "  credit: 李航"));

        var report = await _content.ImportAsync();

        Assert.Empty(report.Problems);
        Assert.Equal(1, report.Added);
        using var db = _content.OpenDb();
        var article = await db.Articles.Include(a => a.Tags).Include(a => a.Topics).SingleAsync(a => a.Number == 300001);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Contains("<h2 id=", article.BodyHtml);
        Assert.DoesNotContain("##", article.BodyPlainText);
        Assert.Equal(["大运河", "泗县"], article.Tags.Select(t => t.Name).Order());
        Assert.Single(article.Topics);
        Assert.Equal("李航", Assert.Single(article.Credits).Name);
        Assert.Equal("/media/grand-canal.svg", article.Cover!.Src);
        Assert.Equal(1200, article.Cover.Width);
        Assert.Equal(new DateTime(2026, 10, 20, 1, 0, 0, DateTimeKind.Utc), article.FirstPublishedAt);
        Assert.Equal(article.CountyId, (await db.Channels.SingleAsync(c => c.Slug == "sixian")).Id);
    }

    [Fact]
    public async Task Importing_twice_changes_nothing_and_an_edited_file_updates_its_article()
    {
        var path = _content.Write("a.md", ImportFixture.Article(300001));
        _content.Write("b.md", ImportFixture.Article(300002, "title: 第二篇"));
        await _content.ImportAsync();

        var again = await _content.ImportAsync();
        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));

        File.WriteAllText(path, ImportFixture.Article(300001, "title: 改过的标题"));
        var edited = await _content.ImportAsync();
        Assert.Equal((0, 1, 1), (edited.Added, edited.Updated, edited.Unchanged));
        using var db = _content.OpenDb();
        Assert.Equal("改过的标题", (await db.Articles.SingleAsync(a => a.Number == 300001)).Title);
        Assert.Equal(2, await db.Articles.CountAsync());
        Assert.Equal(2, await db.Tags.CountAsync());
    }

    [Fact]
    public async Task Missing_title_is_reported_and_the_file_skipped()
    {
        _content.Write("no-title.md", ImportFixture.Article(300001, "title:-"));

        var report = await _content.ImportAsync();

        var problem = OnlyError(report);
        Assert.EndsWith("no-title.md", problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains("title", problem.Message);
        Assert.Equal(1, report.Skipped);
        using var db = _content.OpenDb();
        Assert.Empty(db.Articles);
    }

    [Fact]
    public async Task Unknown_channel_is_reported_at_its_line()
    {
        _content.Write("bad-channel.md", ImportFixture.Article(300001, "channel: tiyu"));

        var problem = OnlyError(await _content.ImportAsync());

        Assert.Equal(5, problem.Line);
        Assert.Contains("未知栏目“tiyu”", problem.Message);
        Assert.Matches(@"bad-channel\.md:5: 未知栏目", problem.ToString());
    }

    [Fact]
    public async Task Broken_yaml_is_reported_with_its_line_and_nothing_is_half_imported()
    {
        _content.Write("broken.md", "---\nnumber: 300001\ntitle: 标题\ntags: [未闭合\nchannel: sixian\n---\n正文\n");
        _content.Write("good.md", ImportFixture.Article(300002));

        var report = await _content.ImportAsync();

        var problem = OnlyError(report);
        Assert.EndsWith("broken.md", problem.File);
        Assert.Equal(4, problem.Line);
        Assert.StartsWith("YAML 格式错误", problem.Message);
        Assert.Equal((1, 1), (report.Added, report.Skipped));
        using var db = _content.OpenDb();
        Assert.Equal([300002], await db.Articles.Select(a => a.Number).ToListAsync());
        Assert.DoesNotContain(await db.Tags.Select(t => t.Name).ToListAsync(), name => name.Contains("未闭合", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_number_names_both_files_and_keeps_the_first()
    {
        _content.Write("a-first.md", ImportFixture.Article(300001, "title: 第一篇"));
        _content.Write("b-second.md", ImportFixture.Article(300001, "title: 第二篇"));

        var report = await _content.ImportAsync();

        var problem = OnlyError(report);
        Assert.EndsWith("b-second.md", problem.File);
        Assert.Equal(2, problem.Line);
        Assert.Contains("a-first.md", problem.Message);
        using var db = _content.OpenDb();
        Assert.Equal("第一篇", (await db.Articles.SingleAsync()).Title);
    }

    [Fact]
    public async Task File_without_front_matter_is_reported_at_line_one()
    {
        _content.Write("plain.md", "宿州新闻正文，没有头信息。\n");

        var problem = OnlyError(await _content.ImportAsync());

        Assert.Equal(1, problem.Line);
        Assert.Contains("---", problem.Message);
    }

    public static TheoryData<string, int, string> FieldMistakes => new()
    {
        { "number: 12abc", 2, "正整数" },
        { "county: hefei", 11, "未知县区" },
        { "topics: [no-such-topic]", 6, "未知专题" },
        { "published: 2026年10月20日", 10, "不是有效时间" },
        { "flags: [头条, 热门]", 11, "未知标记“热门”" },
        { "credits: {编辑: [王敏]}", 8, "未知署名角色" },
        { "title: " + new string('长', 101), 3, "不能超过 100 个字" },
        { "cover: {src: media/missing.svg, alt: 图}", 11, "不存在" },
        { "cover: {src: media/grand-canal.svg}", 11, "替代文字" },
        { "status: 已删除", 11, "未知状态" },
    };

    [Theory]
    [MemberData(nameof(FieldMistakes))]
    public async Task Each_field_mistake_is_reported_at_its_line_and_skips_the_file(string line, int expectedLine, string expectedText)
    {
        _content.Write("mistake.md", ImportFixture.Article(300001, line));

        var report = await _content.ImportAsync();

        var problem = OnlyError(report);
        Assert.Equal(expectedLine, problem.Line);
        Assert.Contains(expectedText, problem.Message);
        Assert.Equal(1, report.Skipped);
    }

    [Fact]
    public async Task Unknown_field_is_a_warning_and_the_file_is_still_imported()
    {
        _content.Write("typo.md", ImportFixture.Article(300001, "autor: 李航"));

        var report = await _content.ImportAsync();

        var warning = Assert.Single(report.Problems);
        Assert.True(warning.IsWarning);
        Assert.Equal(11, warning.Line);
        Assert.Equal(1, report.Added);
    }

    [Fact]
    public async Task Drafts_and_future_articles_are_imported_but_never_shown()
    {
        _content.Write("draft.md", ImportFixture.Article(300001, "status: 草稿", "title: 草稿稿件"));
        _content.Write("future.md", ImportFixture.Article(300002, "published: 2099-01-01 08:00", "title: 未来稿件"));
        _content.Write("public.md", ImportFixture.Article(300003, "title: 已发布稿件"));
        await _content.ImportAsync();

        using var db = _content.OpenDb();
        Assert.Equal(ArticleStatus.Draft, (await db.Articles.SingleAsync(a => a.Number == 300001)).Status);
        Assert.Equal(ArticleStatus.Scheduled, (await db.Articles.SingleAsync(a => a.Number == 300002)).Status);
        var reader = _content.App.CreateReader();
        var home = await reader.GetStringAsync("/");
        Assert.Contains("已发布稿件", home);
        Assert.DoesNotContain("草稿稿件", home);
        Assert.DoesNotContain("未来稿件", home);
        var channel = await reader.GetStringAsync("/channel/sixian");
        Assert.DoesNotContain("未来稿件", channel);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync("/xw/content/2099-01/01/content_300002.html")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync("/xw/content/2026-10/20/content_300001.html")).StatusCode);
    }

    [Fact]
    public async Task Svg_with_script_is_refused()
    {
        File.WriteAllText(Path.Combine(_content.Root, "media", "evil.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>");

        var report = await _content.ImportAsync();

        var problem = OnlyError(report);
        Assert.EndsWith("evil.svg", problem.File);
        Assert.Contains("script", problem.Message);
        Assert.False(File.Exists(Path.Combine(_content.App.DataPath, "media", "evil.svg")));
    }
}

/// <summary>The repository's own content/ must import cleanly: no errors, no warnings.</summary>
public sealed class SeedContentTests
{
    [Fact]
    public async Task Seed_content_imports_without_a_single_problem()
    {
        using var content = new ImportFixture();

        var report = await content.App.Services.GetRequiredService<ContentImporter>()
            .ImportAsync(NewsApp.ContentPath, new NullListener());

        Assert.Empty(report.Problems.Select(p => p.ToString()));
        Assert.True(report.Added >= 40, $"at least 40 seed articles, found {report.Added}");
        using var db = content.OpenDb();
        var channelsUsed = await db.Articles.Select(a => a.Channel.Slug).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { "yaowen", "bendi", "shizheng", "shehui", "jingji", "wenlv", "jiaoyu", "jiankang", "tupian", "pinglun" }, channelsUsed.ToHashSet());
        var counties = await db.Articles.Where(a => a.CountyId != null).Select(a => a.County!.Slug).Distinct().ToListAsync();
        Assert.Equal(5, counties.Count);
        Assert.True(await db.Articles.CountAsync(a => a.Corrections.Count > 0) >= 2);
        Assert.True(await db.Articles.CountAsync(a => a.Source != "拂晓报") >= 2);
        Assert.True(await db.ArticleTopics.Select(t => t.TopicId).Distinct().CountAsync() >= 3);
    }

    sealed class NullListener : IImportListener
    {
        public void Started(string what, int total) { }
        public void Advanced(int done) { }
        public void Problem(ImportProblem problem) { }
    }
}
