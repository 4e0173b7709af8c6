using System.Globalization;
using System.Text;

namespace Suzhou.News.Search;

/// <summary>
/// Turns text into the terms the full-text index stores, and a reader's query into an FTS5 match expression.
/// Chinese has no spaces, so every pair of neighbouring characters is a term (宿州市 → 宿州 州市); a run of Latin
/// letters or digits is one unit (G3, 5g, 2024), and a unit next to a Chinese character also forms a pair with it
/// (2024年 → 2024 2024年). A query is cut the same way and matched as a phrase, so any 2+ character piece of
/// a sentence finds it. Every term holds only letters and digits, so nothing a reader types reaches FTS5 syntax.
/// </summary>
public static class SearchText
{
    /// <summary>The longest query used; the rest is ignored (and the page says so).</summary>
    public const int MaxQueryLength = 100;

    /// <summary>The index terms of <paramref name="text"/>, separated by spaces, in text order.</summary>
    public static string ToTerms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var terms = new StringBuilder(text.Length * 3);
        foreach (var segment in Segments(text))
        {
            foreach (var term in Terms(segment))
            {
                terms.Append(term).Append(' ');
            }
        }
        return terms.ToString();
    }

    /// <summary>
    /// An FTS5 match expression for a reader's query: each space-separated part becomes a quoted phrase, all
    /// parts must match. A single Chinese character becomes a prefix query. Null when nothing searchable is left.
    /// </summary>
    public static string? ToMatch(string? query)
    {
        var phrases = Phrases(query);
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases.Select(phrase =>
            phrase.Prefix ? $"\"{phrase.Terms[0]}\"*" : $"\"{string.Join(' ', phrase.Terms)}\""));
    }

    /// <summary>
    /// The same query as a PostgreSQL <c>tsquery</c> over a vector from <see cref="ToTsVector"/>: each part a
    /// phrase (<c>&lt;-&gt;</c>), all parts required, a lone Chinese character a prefix. Null when
    /// <see cref="ToMatch"/> is null.
    /// </summary>
    public static string? ToTsQuery(string? query)
    {
        var phrases = Phrases(query);
        return phrases.Count == 0 ? null : string.Join(" & ", phrases.Select(phrase =>
            phrase.Prefix ? $"{Lexeme(phrase.Terms[0])}:*" : $"({string.Join(" <-> ", phrase.Terms.Select(Lexeme))})"));
    }

    /// <summary>
    /// A PostgreSQL <c>tsvector</c> literal holding the terms of <paramref name="title"/> and
    /// <paramref name="body"/> at their positions: one position is left empty between the two, so no phrase runs
    /// from the title into the body (FTS5 keeps them in two columns). PostgreSQL keeps positions up to 16383
    /// (later terms still match as words, not in phrases) and terms up to 2 KB (longer ones are left out).
    /// </summary>
    public static string ToTsVector(string? title, string? body)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        void Add(string? text)
        {
            foreach (var term in ToTerms(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position++;
                if (Encoding.UTF8.GetByteCount(term) >= MaxLexemeBytes)
                {
                    continue;
                }
                if (!positions.TryGetValue(term, out var list))
                {
                    positions[term] = list = [];
                }
                if (list.Count < MaxPositionsPerLexeme && position <= MaxPosition)
                {
                    list.Add(position.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        Add(title);
        position++;
        Add(body);
        var vector = new StringBuilder();
        foreach (var (term, list) in positions)
        {
            vector.Append(Lexeme(term));
            if (list.Count > 0)
            {
                vector.Append(':').AppendJoin(',', list);
            }
            vector.Append(' ');
        }
        return vector.ToString();
    }

    const int MaxLexemeBytes = 2047;
    const int MaxPosition = 16383;
    const int MaxPositionsPerLexeme = 256;

    /// <summary>A quoted lexeme; terms hold only letters and digits, the escaping is for safety's sake.</summary>
    static string Lexeme(string term) => "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    readonly record struct Phrase(IReadOnlyList<string> Terms, bool Prefix);

    static List<Phrase> Phrases(string? query) => QueryParts(query).Select(part =>
    {
        var terms = Terms(part).ToList();
        // One Chinese character alone: every pair that starts with it.
        return new Phrase(terms, terms.Count == 1 && part.Count == 1 && part[0].IsCjk);
    }).ToList();

    /// <summary>The pieces of the query as written (normalized), for highlighting.</summary>
    public static IReadOnlyList<string> Highlights(string? query) =>
        QueryParts(query).Select(part => string.Concat(part.Select(u => u.Text))).Distinct().ToList();

    /// <summary>Trims, shortens to <see cref="MaxQueryLength"/> and replaces broken characters.</summary>
    public static string Clean(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return "";
        }
        var text = new StringBuilder(Math.Min(query.Length, MaxQueryLength));
        foreach (var rune in query.Trim().EnumerateRunes()) // lone surrogates come out as U+FFFD
        {
            if (text.Length >= MaxQueryLength)
            {
                break;
            }
            text.Append(Rune.IsControl(rune) ? " " : rune.ToString());
        }
        return text.ToString().Trim();
    }

    readonly record struct Unit(string Text, bool IsCjk);

    static List<List<Unit>> QueryParts(string? query)
    {
        var cleaned = Clean(query);
        return cleaned.Length == 0 ? [] : Segments(cleaned).ToList();
    }

    /// <summary>Pieces of text between separators (spaces, punctuation), each cut into units.</summary>
    static IEnumerable<List<Unit>> Segments(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var segment = new List<Unit>();
        var word = new StringBuilder();
        void EndWord()
        {
            if (word.Length > 0)
            {
                segment.Add(new Unit(word.ToString(), false));
                word.Clear();
            }
        }
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                EndWord();
                if (segment.Count > 0)
                {
                    yield return segment;
                    segment = [];
                }
                continue;
            }
            if (IsCjk(rune))
            {
                EndWord();
                segment.Add(new Unit(rune.ToString(), true));
            }
            else
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }
        EndWord();
        if (segment.Count > 0)
        {
            yield return segment;
        }
    }

    /// <summary>Words on their own, and every neighbouring pair that involves a Chinese character.</summary>
    static IEnumerable<string> Terms(List<Unit> segment)
    {
        if (segment.Count == 1)
        {
            yield return segment[0].Text;
            yield break;
        }
        for (var i = 0; i < segment.Count; i++)
        {
            if (!segment[i].IsCjk)
            {
                yield return segment[i].Text;
            }
            if (i + 1 < segment.Count && (segment[i].IsCjk || segment[i + 1].IsCjk))
            {
                yield return segment[i].Text + segment[i + 1].Text;
            }
        }
    }

    /// <summary>Scripts written without spaces (Han, kana, Hangul…) are cut into pairs.</summary>
    static bool IsCjk(Rune rune) => Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherLetter;
}
