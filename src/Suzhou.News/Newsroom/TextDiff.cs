using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Suzhou.News.Newsroom;

/// <summary>
/// Side-by-side comparison of two texts: lines first, then characters inside changed lines — Chinese has no
/// spaces between words, so a word chunker would mark a whole sentence for one changed character.
/// </summary>
public static class TextDiff
{
    public enum Kind { Same, Removed, Added, Changed, Empty }

    /// <summary>A run of characters inside a changed line.</summary>
    public sealed record Span(string Text, bool Changed);

    public sealed record Side(int? Number, Kind Kind, IReadOnlyList<Span> Spans);

    public sealed record Row(Side Old, Side New);

    public sealed record Result(IReadOnlyList<Row> Rows)
    {
        public bool HasChanges => Rows.Any(r => r.Old.Kind != Kind.Same || r.New.Kind != Kind.Same);
    }

    public static Result Compare(string oldText, string newText)
    {
        // Character diffs cost length × changes; a very long paragraph (pasted without line breaks) is compared
        // clause by clause instead, so one edit cannot hold a request for seconds.
        IChunker inner = Math.Max(LongestLine(oldText), LongestLine(newText)) <= CharacterDiffMaxLine
            ? new CharacterChunker()
            : new DelimiterChunker(ClauseEnds);
        var model = SideBySideDiffBuilder.Diff(new Differ(), oldText, newText, ignoreWhiteSpace: false, ignoreCase: false,
            new LineChunker(), inner);
        var rows = new List<Row>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            rows.Add(new Row(ToSide(model.OldText.Lines.ElementAtOrDefault(i)), ToSide(model.NewText.Lines.ElementAtOrDefault(i))));
        }
        return new Result(rows);
    }

    /// <summary>Lines longer than this are compared by clause rather than by character.</summary>
    public const int CharacterDiffMaxLine = 1_000;

    static readonly char[] ClauseEnds = ['。', '，', '；', '！', '？', '、', '：', ',', '.', ';', '!', '?', ' '];

    static int LongestLine(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '\n' ? 0 : current + 1;
            longest = Math.Max(longest, current);
        }
        return longest;
    }

    static Side ToSide(DiffPiece? piece)
    {
        if (piece is null || piece.Type == ChangeType.Imaginary)
        {
            return new Side(null, Kind.Empty, []);
        }
        var kind = piece.Type switch
        {
            ChangeType.Deleted => Kind.Removed,
            ChangeType.Inserted => Kind.Added,
            ChangeType.Modified => Kind.Changed,
            _ => Kind.Same,
        };
        if (kind != Kind.Changed || piece.SubPieces.Count == 0)
        {
            return new Side(piece.Position, kind, [new Span(piece.Text ?? "", kind != Kind.Same)]);
        }
        // Merge neighbouring characters of the same kind into runs.
        var spans = new List<Span>();
        foreach (var sub in piece.SubPieces.Where(s => s.Type != ChangeType.Imaginary))
        {
            var changed = sub.Type != ChangeType.Unchanged;
            if (spans.Count > 0 && spans[^1].Changed == changed)
            {
                spans[^1] = spans[^1] with { Text = spans[^1].Text + sub.Text };
            }
            else
            {
                spans.Add(new Span(sub.Text ?? "", changed));
            }
        }
        return new Side(piece.Position, kind, spans);
    }
}
