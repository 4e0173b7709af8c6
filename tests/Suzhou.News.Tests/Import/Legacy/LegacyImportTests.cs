using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Import.Legacy;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Import.Legacy;

public sealed class LegacyImportTests(LegacyImportedSite site) : IClassFixture<LegacyImportedSite>
{
    const string OldUrl = "/xw/content/2019-06/18/content_108801.html";

    LegacyFileReport File(string name) => Assert.Single(site.First.Files, f => f.File == name);

    [Fact]
    public async Task Old_article_keeps_its_number_and_its_old_url_resolves()
    {
        var page = await site.App.CreateReader().GetPageAsync(OldUrl);

        Assert.Equal("长三角重大项目在宿州集中开工，总投资超八十亿元", page.One("h1").Text());
        Assert.Contains("2019-06-18 09:30", page.One(".article-meta").Text());
        Assert.Equal("■ 记者 李航 通讯员 张立", page.One(".byline").Text());
    }

    [Fact]
    public async Task Repaired_body_reads_as_clean_simplified_chinese_with_headings()
    {
        var page = await site.App.CreateReader().GetPageAsync(OldUrl);
        var body = page.One(".article-body");
        foreach (var pinyin in body.QuerySelectorAll("rt, rp").ToList())
        {
            pinyin.Remove(); // the page's own ruby over 砀山 is tested with the gazetteer
        }
        var text = body.Text();

        Assert.Equal(["交通先行", "产业升级", "民生工程"], body.QuerySelectorAll("h2").Select(h => h.TextContent.Replace("#", "", StringComparison.Ordinal).Trim()));
        Assert.StartsWith("长三角一体化发展重大项目在宿州集中开工，总投资超过八十亿元，涉及交通、产业和民生三个方面。", text);
        Assert.Contains("是今年的重点工程。砀山县段已完成路基施工", text);
        Assert.Contains("设备运转正常，工人们说，工期比计划提前了半个月。", text);
        Assert.Contains("园区推进一体化发展。“长三角的订单正在向这里转移。”", text);
        Assert.Contains("主要生产面条和速冻食品", text);
        Assert.Contains("干部群众都很关心。在宿州。据介绍，项目全部完工后", text);
        Assert.DoesNotContain("(zh", text);
        Assert.DoesNotContain("?", text);
        Assert.DoesNotContain(",", text);
        Assert.DoesNotContain("版权所有", text);
        Assert.DoesNotContain("邮编", text);
        Assert.DoesNotContain("■", text);
    }

    [Fact]
    public void Report_lists_every_repair_of_the_file()
    {
        var report = File("2019-06-18_content_108801.txt");

        Assert.Equal("新增并发布", report.Outcome);
        Assert.Empty(report.Unrepaired);
        Assert.Contains("修复 GBK 错位 4 处", report.Repairs);
        Assert.Contains(report.Repairs, r => r.Contains("GBK 错位“?!伴L”还原为“。“長”", StringComparison.Ordinal));
        Assert.Contains(report.Repairs, r => r.StartsWith("删除拼音注音 7 处", StringComparison.Ordinal));
        Assert.Contains(report.Repairs, r => r.StartsWith("繁体转简体", StringComparison.Ordinal));
        Assert.Contains("修复标点 4 处（半角逗号、重叠标点）", report.Repairs);
        Assert.Contains("识别小标题 3 个", report.Repairs);
        Assert.Contains(report.Repairs, r => r.StartsWith("署名“■ 记者 李航 通讯员 张立”", StringComparison.Ordinal));
        Assert.Contains("删除页脚版权与举报信息 3 行", report.Repairs);
    }

    [Fact]
    public async Task What_only_looks_like_damage_is_left_alone()
    {
        var page = await site.App.CreateReader().GetPageAsync("/xw/content/2019-07/02/content_108802.html");
        var text = page.One(".article-body").Text();

        Assert.Contains("《城市更新行动方案(2024—2026年)》", text);
        Assert.Contains("改造1,000个。（记者 李航）", text);
        Assert.Contains("Suzhou, Anhui will renew 1,000 old neighbourhoods by 2026.", text);
        Assert.Contains("https://www.example.cn/plan?year=2024,2025", text);
        Assert.Contains("宿州(Suzhou)地处皖北", text);
        Assert.Contains("“的(de)”字读得很轻", text);
        Assert.Contains("可拨打举报电话12345反映。", text);
        Assert.Contains("这个方案能如期落实吗?", text);
        Assert.Contains("真的吗?!他们说OK", text);
        Assert.Equal("■ 记者 王敏", page.One(".byline").Text());

        var report = File("leave-alone.txt");
        Assert.DoesNotContain(report.Repairs, r => r.Contains("GBK", StringComparison.Ordinal) || r.Contains("拼音", StringComparison.Ordinal) || r.Contains("标点", StringComparison.Ordinal));
        Assert.Contains("识别小标题 1 个", report.Repairs);
        var unrepaired = Assert.Single(report.Unrepaired);
        Assert.StartsWith("第 7 行：疑似 GBK 错位", unrepaired);
    }

    [Fact]
    public async Task Files_without_a_full_sidecar_become_drafts_for_an_editor()
    {
        using var db = site.OpenDb();
        var numbered = await db.Articles.Include(a => a.Credits).SingleAsync(a => a.Number == 108830);
        Assert.Equal(ArticleStatus.Draft, numbered.Status);
        Assert.StartsWith(LegacyImporter.PlaceholderTitle, numbered.Title);
        Assert.Equal("赵晨", Assert.Single(numbered.Credits).Name);
        Assert.Equal(["标题", "日期", "栏目"], File("content_108830.txt").Missing);

        var unknown = File("notes-unknown.txt");
        Assert.True(unknown.IsDraft);
        Assert.True(unknown.Number > 246000, "a file without a number gets a new one above the existing articles");
        var draft = await db.Articles.SingleAsync(a => a.Number == unknown.Number);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Contains("旅游收入比去年增长两成", draft.BodyPlainText);

        var response = await site.App.CreateReader().GetAsync("/xw/content/2019-06/18/content_108830.html");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Report_file_is_written_with_a_section_per_file()
    {
        var text = System.IO.File.ReadAllText(Path.Combine(site.App.DataPath, LegacyImporter.ReportFileName));

        Assert.StartsWith("# 旧稿导入报告", text);
        foreach (var name in new[] { "2019-06-18_content_108801.txt", "leave-alone.txt", "content_108830.txt", "notes-unknown.txt" })
        {
            Assert.Contains("## " + name, text);
        }
        Assert.Contains("- **未修复**：第 7 行：疑似 GBK 错位", text);
        Assert.Contains("- 待编辑补全：标题、日期、栏目", text);
        Assert.Contains(site.Notes, n => n.StartsWith("2019-06-18_content_108801.txt：新增并发布；修复 GBK 错位 4 处", StringComparison.Ordinal));
        Assert.False(site.First.HasErrors);
    }

    [Fact]
    public void Importing_again_changes_nothing()
    {
        Assert.All(site.Second.Files, f => Assert.Equal(LegacyImportReport.Unchanged, f.Outcome));
        Assert.Contains("未变 4", site.Second.Summary);
    }
}
