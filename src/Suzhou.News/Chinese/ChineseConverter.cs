using System.Text;

namespace Suzhou.News.Chinese;

/// <summary>
/// Phrase-aware Simplified ⇄ Traditional conversion with OpenCC's dictionaries (see <c>OpenCC/README.md</c>).
/// Each stage is a longest-match pass: a table of which key lengths start with each character, then a
/// span lookup per candidate length, longest first, so 头发 → 頭髮 wins over 发 → 發. Loaded once per process
/// (<see cref="Shared"/>); thread-safe after construction.
/// </summary>
public sealed class ChineseConverter
{
    static readonly Lazy<ChineseConverter> Instance = new(() => Load(DefaultFolder));

    /// <summary>The one converter of the process, loaded on first use from the app's <c>Chinese/OpenCC</c> folder.</summary>
    public static ChineseConverter Shared => Instance.Value;

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Chinese", "OpenCC");

    readonly Stage[] _toTraditional;
    readonly Stage[] _toSimplified;

    ChineseConverter(Stage[] toTraditional, Stage[] toSimplified)
    {
        _toTraditional = toTraditional;
        _toSimplified = toSimplified;
    }

    /// <summary>Reads the dictionaries from <paramref name="folder"/>: OpenCC's s2tw and tw2s chains.</summary>
    public static ChineseConverter Load(string folder)
    {
        Stage Read(params string[] files) =>
            Stage.From(files.Select(f => Path.Combine(folder, f)));

        // s2tw: phrases win over single characters, then Taiwan-standard character forms (麪 → 麵).
        var toTraditional = new[]
        {
            Read("STCharacters.txt", "STPhrases_GeneratedFromRegionalPhrases.txt", "STPhrases.txt"),
            Read("TWVariants.txt", "TWVariantsPhrases.txt"),
        };
        // tw2s: Taiwan forms back to OpenCC standard, then to Simplified.
        var toSimplified = new[]
        {
            Read("TWVariantsRev.txt", "TWVariantsRevPhrases.txt"),
            Read("TSCharacters.txt", "TSPhrases.txt"),
        };
        return new ChineseConverter(toTraditional, toSimplified);
    }

    /// <summary>Simplified → Traditional (Taiwan-standard forms). Latin text, digits and punctuation pass through.</summary>
    public string ToTraditional(string text) => Run(_toTraditional, text);

    /// <summary>Traditional → Simplified.</summary>
    public string ToSimplified(string text) => Run(_toSimplified, text);

    static string Run(Stage[] stages, string text)
    {
        foreach (var stage in stages)
        {
            if (!stage.Touches(text))
            {
                continue;
            }
            var output = new StringBuilder(text.Length + 16);
            stage.Apply(text, output);
            text = output.ToString();
        }
        return text;
    }

    /// <summary>One dictionary group of a conversion chain.</summary>
    sealed class Stage
    {
        const int MaxKeyLength = 31;

        readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        // Bit n set: some key of n UTF-16 units starts with this unit.
        readonly uint[] _lengths;

        Stage(Dictionary<string, string> map, uint[] lengths)
        {
            _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
            _lengths = lengths;
        }

        /// <summary>Later files override earlier ones for the same key.</summary>
        public static Stage From(IEnumerable<string> files)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var lengths = new uint[char.MaxValue + 1];
            foreach (var file in files)
            {
                foreach (var line in File.ReadLines(file, Encoding.UTF8))
                {
                    if (line.Length == 0 || line[0] == '#')
                    {
                        continue;
                    }
                    var tab = line.IndexOf('\t', StringComparison.Ordinal);
                    if (tab <= 0 || tab > MaxKeyLength)
                    {
                        continue;
                    }
                    var key = line[..tab];
                    var values = line.AsSpan(tab + 1);
                    var space = values.IndexOf(' ');
                    // OpenCC lists the usual choice first.
                    map[key] = (space < 0 ? values : values[..space]).ToString();
                    lengths[key[0]] |= 1u << key.Length;
                }
            }
            return new Stage(map, lengths);
        }

        public bool Touches(string text)
        {
            foreach (var c in text)
            {
                if (_lengths[c] != 0)
                {
                    return true;
                }
            }
            return false;
        }

        public void Apply(ReadOnlySpan<char> text, StringBuilder output)
        {
            var i = 0;
            var plainFrom = 0;
            while (i < text.Length)
            {
                var mask = _lengths[text[i]];
                var matched = 0;
                string? value = null;
                if (mask != 0)
                {
                    // Only lengths that exist for this first character, longest first.
                    var candidates = mask & (text.Length - i >= MaxKeyLength ? uint.MaxValue : (2u << (text.Length - i)) - 1);
                    while (candidates != 0)
                    {
                        var length = 31 - System.Numerics.BitOperations.LeadingZeroCount(candidates);
                        if (_lookup.TryGetValue(text.Slice(i, length), out value))
                        {
                            matched = length;
                            break;
                        }
                        candidates &= ~(1u << length);
                    }
                }
                if (matched == 0)
                {
                    i++;
                    continue;
                }
                output.Append(text[plainFrom..i]).Append(value);
                i += matched;
                plainFrom = i;
            }
            output.Append(text[plainFrom..]);
        }
    }
}
