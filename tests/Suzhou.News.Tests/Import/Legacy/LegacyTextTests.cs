using Suzhou.News.Articles;
using Suzhou.News.Chinese;
using Suzhou.News.Import.Legacy;

namespace Suzhou.News.Tests.Import.Legacy;

/// <summary>Each artifact of the old captures, repaired — and what looks like one but must stay.</summary>
public sealed class LegacyTextTests
{
    static LegacyArticle Repair(string text) => LegacyText.Repair(text, ChineseConverter.Shared);

    static string Body(string text) => Repair(text).Markdown.Trim();

    [Theory]
    [InlineData("推進一體化發(fā)展。“長(zhǎng)三角", "。")] // the issue's own example: ?!伴L(zhǎng)
    [InlineData("項目已經開工。長(zhǎng)期以來", "。")]
    [InlineData("今年完成投資八億元。記者來到現場", "。")]
    [InlineData("重點工程。碭山縣段已完工", "。")]
    [InlineData("設備運轉正常，工人們說", "，")]
    [InlineData("在宿州。據介紹，項目", "。")]
    public void Gbk_shift_damage_is_restored_to_the_original_line(string original, string lostMark)
    {
        var damaged = GbkDamage.Damage(original, original.IndexOf(lostMark, StringComparison.Ordinal));
        Assert.NotEqual(original, damaged);
        Assert.Contains('?', damaged);

        var (repaired, spans) = GbkShiftRepair.Repair(damaged);

        Assert.Equal(original, repaired);
        Assert.Single(spans);
        Assert.NotNull(spans[0].Repaired);
    }

    [Fact]
    public void The_issue_example_reads_back_as_full_stop_quote_and_chang()
    {
        Assert.Equal("推進一體化發(fā)展?!伴L(zhǎng)三角", GbkDamage.Damage("推進一體化發(fā)展。“長(zhǎng)三角", "推進一體化發(fā)展".Length));
        Assert.Equal("推进一体化发展。“长三角", Body("推進一體化發(fā)展?!伴L(zhǎng)三角"));
    }

    [Fact]
    public void Fixture_holds_the_damage_the_capture_makes()
    {
        var fixture = File.ReadAllText(LegacyImportedSite.FixturePath("2019-06-18_content_108801.txt"));
        foreach (var (original, mark) in new[]
        {
            ("推進一體化發(fā)展。“長(zhǎng)三角的訂單", "。"),
            ("重點工程。碭山縣段", "。"),
            ("設備運轉正常，工人們說", "，"),
            ("在宿州。據介紹，項目", "。"),
        })
        {
            var damaged = GbkDamage.Damage(original, original.IndexOf(mark, StringComparison.Ordinal));
            Assert.True(fixture.Contains(damaged, StringComparison.Ordinal), $"the fixture lacks “{damaged}”");
        }
    }

    [Fact]
    public void A_question_mark_that_is_not_damage_is_left_and_an_unreadable_run_is_reported()
    {
        var article = Repair("這個方案能如期落實嗎?\n有居民問：真的嗎?!他們說OK\n");

        Assert.Contains("这个方案能如期落实吗?", article.Markdown);
        Assert.Contains("有居民问：真的吗?!他们说OK", article.Markdown);
        var report = Assert.Single(article.Unrepaired);
        Assert.StartsWith("第 2 行：疑似 GBK 错位", report);
        Assert.DoesNotContain(article.Repairs, r => r.Contains("GBK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("長(zhǎng)三角。", "长三角。")]
    [InlineData("一體化發(fā)展。", "一体化发展。")]
    [InlineData("重(zhòng)大項目。", "重大项目。")]
    [InlineData("音樂(yuè)節。", "音乐节。")]
    [InlineData("綠(lǜ)色。", "绿色。")]
    [InlineData("長（zhǎng）江。", "长江。")]
    public void Pinyin_after_a_character_is_removed(string text, string expected) =>
        Assert.Equal(expected, Body(text));

    [Theory]
    [InlineData("《城市更新行動方案(2024—2026年)》公布", "《城市更新行动方案(2024—2026年)》公布")]
    [InlineData("改造完成。（记者 李航）", "改造完成。（记者 李航）")]
    [InlineData("宿州(Suzhou)地處皖北。", "宿州(Suzhou)地处皖北。")]
    [InlineData("“的(de)”字讀得很輕。", "“的(de)”字读得很轻。")]
    [InlineData("全文見(zhǎng 網站)。", "全文见(zhǎng 网站)。")]
    [InlineData("Suzhou (zhǎng) city.", "Suzhou (zhǎng) city.")]
    public void Ordinary_parentheses_stay(string text, string expected) =>
        Assert.Equal(expected, Body(text));

    [Theory]
    [InlineData("總投資八十億元,涉及交通。", "总投资八十亿元，涉及交通。")]
    [InlineData("八十億元,,涉及交通。", "八十亿元，涉及交通。")]
    [InlineData("交通,、產業和民生。", "交通、产业和民生。")]
    [InlineData("三個方面,。", "三个方面。")]
    [InlineData("三個方面，，涉及", "三个方面，涉及")]
    public void Commas_are_repaired(string text, string expected) =>
        Assert.Equal(expected, Body(text));

    [Theory]
    [InlineData("改造老舊小區1,000個。")]
    [InlineData("Suzhou, Anhui will renew 1,000 old neighbourhoods.")]
    [InlineData("全文見 https://www.example.cn/plan?year=2024,2025 網站。")]
    public void Commas_in_numbers_english_and_urls_stay(string text)
    {
        var article = Repair(text);
        Assert.Equal(ChineseConverter.Shared.ToSimplified(text), article.Markdown.Trim());
        Assert.DoesNotContain(article.Repairs, r => r.Contains("标点", StringComparison.Ordinal));
        Assert.Empty(article.Unrepaired);
    }

    [Fact]
    public void Traditional_text_becomes_simplified_word_by_word()
    {
        Assert.Equal("头发花白的干部在面条店里谈发展。", Body("頭髮花白的幹部在麵條店裡談發展。"));
    }

    [Fact]
    public void Short_lines_without_closing_punctuation_become_headings()
    {
        var body = Body("正文第一段，寫得很長。\n交通先行\n一、改造範圍\n短句也有句號。\n(2024—2026年)\n");

        Assert.Contains("## 交通先行\n", body);
        Assert.Contains("## 一、改造范围\n", body);
        Assert.DoesNotContain("## 短句也有句号", body);
        Assert.DoesNotContain("## (2024", body);
        Assert.DoesNotContain("## 正文", body);
    }

    [Fact]
    public void Byline_becomes_credits_and_footer_is_removed()
    {
        var article = Repair("""
            正文一段。
            市民可撥打舉報電話12345反映。
            ■ 記者 李航 王敏 通訊員 張立
            版權所有 © 2019 拂曉報社 All Rights Reserved
            違法和不良信息舉報電話：0557—3909502　舉報郵箱：zgfxnews@163.com

            地址：宿州市紡織路拂曉報社　郵編：234000
            """);

        Assert.Equal(
            [(CreditRole.Reporter, "李航"), (CreditRole.Reporter, "王敏"), (CreditRole.Correspondent, "张立")],
            article.Credits);
        Assert.DoesNotContain("■", article.Markdown);
        Assert.DoesNotContain("版权所有", article.Markdown);
        Assert.DoesNotContain("邮编", article.Markdown);
        Assert.DoesNotContain("zgfxnews", article.Markdown);
        Assert.Contains("市民可拨打举报电话12345反映。", article.Markdown); // a body line, not the footer
        Assert.Contains(article.Repairs, r => r.Contains("删除页脚版权与举报信息 3 行", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_byline_stays_in_the_text_and_is_reported()
    {
        var article = Repair("正文一段。\n■ 本文由網友提供，歡迎投稿\n");

        Assert.Empty(article.Credits);
        Assert.Contains("■", article.Markdown);
        Assert.Single(article.Unrepaired);
    }

    [Fact]
    public void Markdown_characters_in_old_text_stay_text()
    {
        var body = Body("1. 第一條*重點*內容。\n# 不是標題，是正文。\n");

        Assert.Contains(@"1\. 第一条\*重点\*内容。", body);
        Assert.Contains(@"\# 不是标题，是正文。", body);
    }
}
