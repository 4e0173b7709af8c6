using System.Text;
using System.Text.RegularExpressions;

namespace Suzhou.News.Chinese;

/// <summary>
/// Turns a rendered Simplified page into its Traditional twin: text between tags is converted, and the
/// readable attributes (alt, title, aria-label, placeholder, meta content); scripts, styles, code, pre
/// and URLs are left as they are. Local page links gain the <c>/zh-hant</c> prefix, so the reader stays in 繁體.
/// A small scanner rather than a DOM parser: the markup is our own, and a page converts in about a millisecond.
/// </summary>
public static partial class TraditionalHtml
{
    static readonly string[] RawText = ["script", "style"];
    static readonly string[] Verbatim = ["code", "pre", "textarea", "kbd", "samp"];

    public static string Convert(string html, ChineseConverter converter)
    {
        var output = new StringBuilder(html.Length + 256);
        var verbatimDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                var text = html[i..textEnd];
                output.Append(verbatimDepth > 0 ? text : ConvertText(text, converter));
            }
            if (lt < 0)
            {
                break;
            }
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                var stop = close < 0 ? html.Length : close + 3;
                output.Append(html, lt, stop - lt);
                i = stop;
                continue;
            }
            var gt = TagEnd(html, lt);
            var tag = html[lt..gt];
            var (name, closing) = TagName(tag);
            if (closing)
            {
                if (verbatimDepth > 0 && Verbatim.Contains(name))
                {
                    verbatimDepth--;
                }
                output.Append(tag);
                i = gt;
                continue;
            }
            output.Append(ConvertTag(tag, name, converter));
            i = gt;
            if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                var stop = close < 0 ? html.Length : close;
                output.Append(html, i, stop - i);
                i = stop;
            }
            else if (Verbatim.Contains(name) && !tag.EndsWith("/>", StringComparison.Ordinal))
            {
                verbatimDepth++;
            }
        }
        return output.ToString();
    }

    /// <summary>Converts text but keeps URLs written in it exactly as they are.</summary>
    static string ConvertText(string text, ChineseConverter converter)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return converter.ToTraditional(text);
        }
        var output = new StringBuilder(text.Length);
        var at = 0;
        foreach (Match url in UrlInText().Matches(text))
        {
            output.Append(converter.ToTraditional(text[at..url.Index])).Append(url.Value);
            at = url.Index + url.Length;
        }
        return output.Append(converter.ToTraditional(text[at..])).ToString();
    }

    /// <summary>The index just past the tag's closing <c>&gt;</c>, skipping quoted attribute values.</summary>
    internal static int TagEnd(string html, int lt)
    {
        char quote = '\0';
        for (var j = lt + 1; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }
        return html.Length;
    }

    internal static (string Name, bool Closing) TagName(string tag)
    {
        var start = tag.Length > 1 && tag[1] == '/' ? 2 : 1;
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-'))
        {
            end++;
        }
        return (tag[start..end].ToLowerInvariant(), start == 2);
    }

    static string ConvertTag(string tag, string name, ChineseConverter converter)
    {
        if (tag.Length < 4 || tag.IndexOf('=', StringComparison.Ordinal) < 0)
        {
            return tag;
        }
        var skipLinks = tag.Contains(" data-variant", StringComparison.Ordinal) || tag.Contains(" hreflang=", StringComparison.Ordinal);
        return Attribute().Replace(tag, m =>
        {
            var attribute = m.Groups["name"].Value.ToLowerInvariant();
            var value = m.Groups["value"].Value;
            string? replaced = attribute switch
            {
                "alt" or "title" or "aria-label" or "placeholder" or "aria-description" => converter.ToTraditional(value),
                "content" when name == "meta" => converter.ToTraditional(value),
                "href" when name == "a" && !skipLinks && ScriptVariants.HasTraditionalTwin(value) => ScriptVariants.TraditionalPath(value),
                "action" when name == "form" && ScriptVariants.HasTraditionalTwin(value) => ScriptVariants.TraditionalPath(value),
                _ => null,
            };
            return replaced is null || replaced == value
                ? m.Value
                : m.Groups["lead"].Value + replaced + m.Groups["quote"].Value;
        });
    }

    [GeneratedRegex("""(?<lead>\s(?<name>[A-Za-z-]+)\s*=\s*(?<quote>["']))(?<value>(?:(?!\k<quote>).)*)\k<quote>""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"'，。、；！？）」』]+""")]
    private static partial Regex UrlInText();
}
