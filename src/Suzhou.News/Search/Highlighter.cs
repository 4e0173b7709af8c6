using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Suzhou.News.Search;

/// <summary>Marks query words in titles and snippets. The text is HTML-encoded first, piece by piece; only our <c>&lt;mark&gt;</c> is raw.</summary>
public static class Highlighter
{
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static IHtmlContent Mark(string text, IReadOnlyList<string> words) => new HtmlString(Encode(text, words));

    /// <summary>About <paramref name="length"/> characters around the first match (or the opening), marked.</summary>
    public static IHtmlContent Snippet(string text, IReadOnlyList<string> words, int length = 120)
    {
        text = text.ReplaceLineEndings(" ");
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - length / 4);
        var end = Math.Min(text.Length, start + length);
        start = Math.Max(0, Math.Min(start, end - length));
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start++;
        }
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }
        var html = Encode(text[start..end], words);
        return new HtmlString((start > 0 ? "…" : "") + html + (end < text.Length ? "…" : ""));
    }

    static string Encode(string text, IReadOnlyList<string> words)
    {
        var html = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var (at, word) = NextMatch(text, i, words);
            if (at < 0)
            {
                html.Append(Encoder.Encode(text[i..]));
                break;
            }
            html.Append(Encoder.Encode(text[i..at]));
            html.Append("<mark>").Append(Encoder.Encode(text.Substring(at, word.Length))).Append("</mark>");
            i = at + word.Length;
        }
        return html.ToString();
    }

    static (int At, string Word) NextMatch(string text, int from, IReadOnlyList<string> words)
    {
        var best = (At: -1, Word: "");
        foreach (var word in words)
        {
            if (word.Length == 0)
            {
                continue;
            }
            var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best.At < 0 || at < best.At || (at == best.At && word.Length > best.Word.Length)))
            {
                best = (at, word);
            }
        }
        return best;
    }
}
