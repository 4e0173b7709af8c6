using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Suzhou.News.Articles;
using Suzhou.News.Chinese;

namespace Suzhou.News.Import.Legacy;

/// <summary>An old article after repair: Markdown body, credits from the byline, and what was done to it.</summary>
public sealed record LegacyArticle(string Markdown, List<(CreditRole Role, string Name)> Credits, List<string> Repairs, List<string> Unrepaired);

/// <summary>
/// Repairs the plain text the old site's pages were saved as: GBK shift damage, pinyin annotations after
/// polyphonic characters, Traditional characters, ASCII and stacked commas, section headings, the closing
/// byline and the footer boilerplate. Pure: text in, repaired Markdown and a list of what changed out.
/// </summary>
public static partial class LegacyText
{
    public static LegacyArticle Repair(string text, ChineseConverter converter)
    {
        var repairs = new List<string>();
        var unrepaired = new List<string>();
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();

        // 1. GBK shift damage, before anything reads the text.
        var gbkFixed = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            var original = lines[n];
            var (line, spans) = GbkShiftRepair.Repair(original);
            lines[n] = line;
            foreach (var span in spans)
            {
                if (span.Repaired is { } fixedText)
                {
                    gbkFixed++;
                    repairs.Add($"第 {n + 1} 行：GBK 错位“{span.Damaged}”还原为“{fixedText}”");
                }
                else
                {
                    unrepaired.Add($"第 {n + 1} 行：疑似 GBK 错位“{span.Damaged}”未修复（{span.Reason}），请人工核对");
                }
            }
            // A lost byte whose run cannot be read back still leaves its mark: "?" between Chinese characters.
            foreach (Match m in QuestionInsideChinese().Matches(original))
            {
                if (!spans.Any(s => s.Index == m.Index))
                {
                    unrepaired.Add($"第 {n + 1} 行：“{m.Value}”处的问号后文字可能因 GBK 错位而乱码，请人工核对");
                }
            }
        }

        // 2. Pinyin after polyphonic characters: 長(zhǎng) → 長. Ordinary parentheses stay.
        var pinyin = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            lines[n] = PinyinAnnotation().Replace(lines[n], m =>
            {
                if (!IsPinyinSyllable(m.Groups["syllable"].Value))
                {
                    return m.Value;
                }
                pinyin++;
                return "";
            });
        }
        if (pinyin > 0)
        {
            repairs.Add($"删除拼音注音 {pinyin} 处");
        }

        // 3. Traditional → Simplified.
        var converted = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            var simplified = converter.ToSimplified(lines[n]);
            converted += CountChanged(lines[n], simplified);
            lines[n] = simplified;
        }
        if (converted > 0)
        {
            repairs.Add($"繁体转简体 {converted} 字");
        }

        // 4. The site's footer at the end of the capture.
        var footer = 0;
        while (lines.Count > 0 && (lines[^1].Length == 0 || IsFooterLine(lines[^1])))
        {
            footer += lines[^1].Length > 0 ? 1 : 0;
            lines.RemoveAt(lines.Count - 1);
        }
        if (footer > 0)
        {
            repairs.Add($"删除页脚版权与举报信息 {footer} 行");
        }

        // 5. The closing byline, ■ 记者 某某.
        var credits = new List<(CreditRole, string)>();
        if (lines.Count > 0 && lines[^1].StartsWith('■'))
        {
            var byline = lines[^1];
            if (ParseByline(byline) is { Count: > 0 } parsed)
            {
                credits = parsed;
                lines.RemoveAt(lines.Count - 1);
                repairs.Add($"署名“{byline}”转为署名信息：{CreditRoles.Byline(parsed)}");
            }
            else
            {
                unrepaired.Add($"结尾署名“{byline}”无法识别，保留在正文中");
            }
        }

        // 6. Commas: ASCII after Chinese, doubled or stacked before another mark.
        var commas = 0;
        for (var n = 0; n < lines.Count; n++)
        {
            (lines[n], var fixedHere) = FixCommas(lines[n]);
            commas += fixedHere;
        }
        if (commas > 0)
        {
            repairs.Add($"修复标点 {commas} 处（半角逗号、重叠标点）");
        }

        // 7. Paragraphs and section headings.
        var markdown = new StringBuilder();
        var headings = 0;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (markdown.Length > 0)
            {
                markdown.Append('\n');
            }
            if (IsHeading(line))
            {
                headings++;
                markdown.Append("## ").Append(EscapeMarkdown(line)).Append('\n');
            }
            else
            {
                markdown.Append(EscapeMarkdown(line)).Append('\n');
            }
        }
        if (headings > 0)
        {
            repairs.Add($"识别小标题 {headings} 个");
        }
        if (gbkFixed > 0)
        {
            repairs.Insert(0, $"修复 GBK 错位 {gbkFixed} 处");
        }
        return new LegacyArticle(markdown.ToString(), credits, repairs, unrepaired);
    }

    /// <summary>ASCII or doubled commas after Chinese become one full-width mark: <c>,,</c> → <c>，</c>, <c>,。</c> → <c>。</c>.</summary>
    public static (string Text, int Fixed) FixCommas(string text)
    {
        var count = 0;
        var result = CommaRun().Replace(text, m =>
        {
            var replacement = m.Groups["mark"].Success ? m.Groups["mark"].Value : "，";
            if (replacement != m.Value)
            {
                count++;
            }
            return replacement;
        });
        return (result, count);
    }

    static int CountChanged(string before, string after)
    {
        if (before.Length != after.Length)
        {
            return Math.Abs(before.Length - after.Length) + after.Where((c, i) => i < before.Length && before[i] != c).Count();
        }
        var changed = 0;
        for (var i = 0; i < before.Length; i++)
        {
            changed += before[i] != after[i] ? 1 : 0;
        }
        return changed;
    }

    const string ToneMarked = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

    /// <summary>One lowercase pinyin syllable with exactly one tone mark: zhǎng, fā, lǜ.</summary>
    static bool IsPinyinSyllable(string s) =>
        s.Length is >= 1 and <= 7 && s.Count(c => ToneMarked.Contains(c)) == 1 && PinyinShape().IsMatch(s);

    static readonly string[] FooterMarks =
    [
        "版权所有", "Copyright", "©", "All Rights Reserved", "举报电话", "举报邮箱", "违法和不良信息举报",
        "不得复制或镜像", "未经允许不得复制", "ICP备", "邮编", "邮政编码",
    ];

    static bool IsFooterLine(string line) =>
        FooterMarks.Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase))
        || line.StartsWith("地址：", StringComparison.Ordinal) || line.StartsWith("地址:", StringComparison.Ordinal);

    static List<(CreditRole, string)> ParseByline(string line)
    {
        var credits = new List<(CreditRole, string)>();
        CreditRole? role = null;
        foreach (var token in line.TrimStart('■').Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
        {
            var label = token.StartsWith("本报", StringComparison.Ordinal) ? token[2..] : token;
            if (CreditRoles.TryParse(label, out var r))
            {
                role = r;
            }
            else if (role is { } current && token.Length <= 8 && token.All(c => c is >= '\u4E00' and <= '\u9FFF' or '·'))
            {
                credits.Add((current, token));
            }
            else
            {
                return [];
            }
        }
        return credits;
    }

    /// <summary>A short line of Chinese with no sentence punctuation: a section heading in the old layout.</summary>
    static bool IsHeading(string line) =>
        line.Length is >= 2 and <= 20
        && line.Any(c => c is >= '\u4E00' and <= '\u9FFF')
        && line.IndexOfAny(SentenceMarks) < 0
        && !ClosingMarks.Contains(line[^1])
        && !line.StartsWith('■');

    static readonly SearchValues<char> SentenceMarks = SearchValues.Create("，。！？；,.!?;：:");
    const string ClosingMarks = "。！？；：，、…”」』）)》";

    /// <summary>Legacy text is text: nothing in it may turn into Markdown formatting.</summary>
    static string EscapeMarkdown(string line)
    {
        var escaped = MarkdownSpecial().Replace(line, @"\$0");
        return LeadingListMarker().Replace(escaped, @"$1\$2");
    }

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[(（](?<syllable>[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})[)）]")]
    private static partial Regex PinyinAnnotation();

    [GeneratedRegex(@"^[bcdfghjklmnpqrstwxyz]{0,2}[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+(?:n|ng|r)?$|^[ńňǹḿ]g?$")]
    private static partial Regex PinyinShape();

    // A comma after Chinese, any further commas, and optionally the mark that was really meant.
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}”’」』）》])[,，][,，]*(?<mark>[、。；：！？])?")]
    private static partial Regex CommaRun();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\?[^\x00-\x7F]{1,6}")]
    private static partial Regex QuestionInsideChinese();

    [GeneratedRegex(@"[\\`*_\[\]<>#|~]")]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex(@"^(\d+)(\.)|^()([-+])(?= )")]
    private static partial Regex LeadingListMarker();
}
