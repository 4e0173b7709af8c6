using System.Text;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Chinese;

/// <summary>
/// Puts pinyin over the first mention of each hard local place name in an article body
/// (<c>&lt;ruby&gt;埇&lt;rt&gt;yǒng&lt;/rt&gt;桥&lt;rt&gt;qiáo&lt;/rt&gt;&lt;/ruby&gt;</c>), from the gazetteer in
/// <c>Chinese:Gazetteer</c>. Text inside links, headings, code and existing ruby is left alone.
/// </summary>
public sealed class PinyinRuby
{
    readonly bool _enabled;
    readonly List<(string Place, string Ruby)> _places;

    static readonly string[] SkipInside = ["a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "ruby", "figcaption"];

    public PinyinRuby(IOptions<ChineseOptions> options)
    {
        var o = options.Value;
        _enabled = o.PinyinRuby;
        // Longer names first, so 砀山县 would win over 砀山 if both were listed.
        _places = o.Gazetteer
            .Where(p => !string.IsNullOrWhiteSpace(p.Key) && !string.IsNullOrWhiteSpace(p.Value))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => (p.Key.Trim(), Markup(p.Key.Trim(), p.Value)))
            .ToList();
    }

    /// <summary>The ruby markup for a name: per character when the syllables line up, else over the whole name.</summary>
    static string Markup(string place, string pinyin)
    {
        var syllables = pinyin.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var output = new StringBuilder("<ruby>");
        if (syllables.Length == place.Length)
        {
            for (var i = 0; i < place.Length; i++)
            {
                output.Append(Escape(place[i].ToString()))
                    .Append("<rp>(</rp><rt>").Append(Escape(syllables[i])).Append("</rt><rp>)</rp>");
            }
        }
        else
        {
            output.Append(Escape(place))
                .Append("<rp>(</rp><rt>").Append(Escape(string.Join(' ', syllables))).Append("</rt><rp>)</rp>");
        }
        return output.Append("</ruby>").ToString();
    }

    static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The body with ruby added; the same string when nothing applies.</summary>
    public string Annotate(string html)
    {
        if (!_enabled || _places.Count == 0 || string.IsNullOrEmpty(html))
        {
            return html;
        }
        var pending = _places.Where(p => html.Contains(p.Place, StringComparison.Ordinal)).ToList();
        if (pending.Count == 0)
        {
            return html;
        }
        var output = new StringBuilder(html.Length + 256);
        var skipDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var textEnd = lt < 0 ? html.Length : lt;
            if (textEnd > i)
            {
                var text = html[i..textEnd];
                output.Append(skipDepth > 0 || pending.Count == 0 ? text : AnnotateText(text, pending));
            }
            if (lt < 0)
            {
                break;
            }
            var gt = TraditionalHtml.TagEnd(html, lt);
            var tag = html[lt..gt];
            var (name, closing) = TraditionalHtml.TagName(tag);
            if (SkipInside.Contains(name) && !tag.EndsWith("/>", StringComparison.Ordinal))
            {
                skipDepth = Math.Max(0, skipDepth + (closing ? -1 : 1));
            }
            output.Append(tag);
            i = gt;
        }
        return output.ToString();
    }

    static string AnnotateText(string text, List<(string Place, string Ruby)> pending)
    {
        var output = new StringBuilder(text.Length + 64);
        var at = 0;
        while (true)
        {
            // The earliest remaining place in what is left of this text.
            var best = -1;
            var bestIndex = int.MaxValue;
            for (var p = 0; p < pending.Count; p++)
            {
                var index = text.IndexOf(pending[p].Place, at, StringComparison.Ordinal);
                if (index >= 0 && index < bestIndex)
                {
                    best = p;
                    bestIndex = index;
                }
            }
            if (best < 0)
            {
                break;
            }
            var (place, ruby) = pending[best];
            output.Append(text, at, bestIndex - at).Append(ruby);
            at = bestIndex + place.Length;
            pending.RemoveAt(best);
        }
        return output.Append(text, at, text.Length - at).ToString();
    }
}
