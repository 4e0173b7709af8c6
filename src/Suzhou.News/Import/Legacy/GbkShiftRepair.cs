using System.Text;

namespace Suzhou.News.Import.Legacy;

/// <summary>
/// Undoes the one-byte shift of a GBK round-trip. When the capture lost the lead byte of a full-width mark,
/// it wrote <c>?</c>, then read the remaining bytes one off — trail byte with the next lead byte — folding
/// full-width forms to ASCII, until an ASCII byte put it back in step. <c>?!伴L(zhǎng)</c> is what is left of
/// <c>。“長(zhǎng)</c>: re-encoded, <c>！伴L</c> is A3 A1 B0 E9 4C; with the lost A1 in front the pairs read
/// A1A3 A1B0 E94C = <c>。“長</c>. A span is repaired only when exactly one punctuation mark fits the lost byte
/// and the re-paired bytes decode to Chinese text; anything else is left as it is and reported.
/// </summary>
public static class GbkShiftRepair
{
    /// <summary>Marks whose lead byte can be lost at a sentence boundary.</summary>
    const string LostMarks = "。，、；：！？”）」』…";

    static readonly Encoding Gbk = CreateGbk();

    static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>A span found and mended (<see cref="Repaired"/>), or found and left alone.</summary>
    public sealed record Span(int Index, string Damaged, string? Repaired, string? Reason);

    /// <summary>Repairs every damaged span of one line; returns the line and what was found.</summary>
    public static (string Line, List<Span> Spans) Repair(string line)
    {
        var spans = new List<Span>();
        if (line.IndexOf('?') < 0 && line.IndexOf('\uFFFD') < 0)
        {
            return (line, spans);
        }
        var output = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            // A question mark inside Latin text (a URL's query, say) is never a lost byte.
            if ((c == '?' || c == '\uFFFD') && i + 1 < line.Length && (i == 0 || line[i - 1] >= 0x80) && TryRepairAt(line, i, out var span, out var consumed))
            {
                spans.Add(span);
                if (span.Repaired is not null)
                {
                    output.Append(span.Repaired);
                    i += consumed;
                    continue;
                }

            }
            output.Append(c);
            i++;
        }
        return (output.ToString(), spans);
    }

    static bool IsFoldedFullWidth(char c) => c is >= '!' and <= '~';

    static char Unfold(char c) => (char)(c + 0xFEE0);

    /// <summary>Looks at the text after a <c>?</c>; true when it looks like a shifted span (repaired or not).</summary>
    static bool TryRepairAt(string line, int at, out Span span, out int consumed)
    {
        span = null!;
        consumed = 0;
        var first = line[at + 1];
        // After a lost lead byte the first pair is the mark's trail byte with the next lead byte, which the
        // capture folded to ASCII when it landed in the full-width row; other chars are only tried quietly.
        var strongSignal = IsFoldedFullWidth(first);
        var firstBytes = Encode(strongSignal ? Unfold(first) : first);
        if (firstBytes is not { Length: 2 })
        {
            return false;
        }

        var leads = LeadCandidates(firstBytes[0]);
        // The shifted run: non-ASCII chars up to the ASCII byte that resynchronised the reading.
        var bytes = new List<byte>(firstBytes);
        var hasShiftedText = false;
        for (var j = at + 2; j < line.Length; j++)
        {
            var c = line[j];
            if (c < 0x80)
            {
                if (c is >= (char)0x40 and <= (char)0x7E && leads.Count == 1)
                {
                    // Try the ASCII char as the stray trail byte.
                    var candidate = new List<byte>(bytes) { (byte)c };
                    candidate.Insert(0, leads[0]);
                    if (Decode([.. candidate]) is { } decoded && LooksLikeChinese(decoded))
                    {
                        var damaged = line[at..(j + 1)];
                        span = new Span(at, damaged, decoded, null);
                        consumed = j + 1 - at;
                        return true;
                    }
                }
                if (IsFoldedFullWidth(c) && Encode(Unfold(c)) is { Length: 2 } unfolded)
                {
                    // Perhaps a folded mark inside the run: read it as its full-width form and go on.
                    bytes.AddRange(unfolded);
                    continue;
                }
                break;
            }
            if (c == '\uFFFD' || Encode(c) is not { Length: 2 } pair)
            {
                break;
            }
            bytes.AddRange(pair);
            hasShiftedText = true;
        }

        if (!strongSignal || !hasShiftedText)
        {
            return false; // an ordinary question mark
        }
        var end = at + 2;
        while (end < line.Length && line[end] >= 0x80)
        {
            end++;
        }
        var reason = leads.Count switch
        {
            0 => "丢失的首字节无法对应任何标点",
            > 1 => $"丢失的首字节可能属于 {string.Join("、", leads.Select(l => Decode([l, firstBytes[0]])))}，无法确定",
            _ => "重新配对后不是通顺的中文，可能原文如此",
        };
        span = new Span(at, line[at..Math.Min(end + 1, line.Length)], null, reason);
        return true;
    }

    /// <summary>Lead bytes that, with <paramref name="trail"/>, make one of the marks a sentence can end with.</summary>
    static List<byte> LeadCandidates(byte trail)
    {
        var leads = new List<byte>();
        foreach (var mark in LostMarks)
        {
            if (Encode(mark) is { Length: 2 } b && b[1] == trail && !leads.Contains(b[0]))
            {
                leads.Add(b[0]);
            }
        }
        return leads;
    }

    static bool LooksLikeChinese(string text) =>
        text.Length > 0 && LostMarks.Contains(text[0]) && text.Skip(1).All(c =>
            c is >= '\u4E00' and <= '\u9FFF' || "。，、；：！？“”‘’（）《》「」『』…—".Contains(c) || char.IsAsciiLetterOrDigit(c));

    static byte[]? Encode(char c)
    {
        try
        {
            return Gbk.GetBytes(c.ToString());
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    static string? Decode(byte[] bytes)
    {
        try
        {
            return Gbk.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
