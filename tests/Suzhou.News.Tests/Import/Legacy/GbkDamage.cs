using System.Text;

namespace Suzhou.News.Tests.Import.Legacy;

/// <summary>
/// Damages a correct line the way the old capture did, so a fixture's expected repair is known: encode to GBK,
/// lose the lead byte of the mark at <c>index</c> (written as <c>?</c>), read the rest one byte off until an ASCII
/// byte resynchronises, and fold the full-width forms in the shifted run to ASCII.
/// </summary>
public static class GbkDamage
{
    static readonly Encoding Gbk = CreateGbk();

    static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("?"));
    }

    public static string Damage(string line, int index)
    {
        var tail = Gbk.GetBytes(line[index..]);
        var shifted = tail[1..];
        // The shifted run ends where a byte below 0x80 is read as ASCII.
        var run = 0;
        while (run < shifted.Length)
        {
            if (shifted[run] < 0x80)
            {
                run++;
                break;
            }
            run += 2;
        }
        run = Math.Min(run, shifted.Length);
        var garbled = Gbk.GetString(shifted, 0, run);
        var folded = new string(garbled.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray());
        return line[..index] + "?" + folded + Gbk.GetString(shifted, run, shifted.Length - run);
    }
}
