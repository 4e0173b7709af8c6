using System.Text;

namespace Suzhou.News.Chinese;

/// <summary>
/// Phrase-aware Simplified ⇄ Traditional conversion with OpenCC's dictionaries (see <c>OpenCC/README.md</c>).
/// Each stage is a longest-match pass over a trie, so 头发 → 頭髮 wins over 发 → 發. Loaded once per process
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

    /// <summary>
    /// One dictionary group of a conversion chain, as a trie: the first character indexes an array, deeper
    /// characters are edges in one hash table keyed by (node, character). Walking it finds the longest key
    /// at a position in a few steps, whatever the longest phrase in the dictionary is.
    /// </summary>
    sealed class Stage
    {
        readonly int[] _root = new int[char.MaxValue + 1];
        readonly Dictionary<long, int> _edges = [];
        readonly List<string?> _values = [null]; // node 0 is "no node"

        /// <summary>Later files override earlier ones for the same key.</summary>
        public static Stage From(IEnumerable<string> files)
        {
            var stage = new Stage();
            foreach (var file in files)
            {
                foreach (var line in File.ReadLines(file, Encoding.UTF8))
                {
                    if (line.Length == 0 || line[0] == '#')
                    {
                        continue;
                    }
                    var tab = line.IndexOf('\t', StringComparison.Ordinal);
                    if (tab <= 0)
                    {
                        continue;
                    }
                    var values = line.AsSpan(tab + 1);
                    var space = values.IndexOf(' ');
                    // OpenCC lists the usual choice first.
                    stage.Add(line.AsSpan(0, tab), (space < 0 ? values : values[..space]).ToString());
                }
            }
            return stage;
        }

        void Add(ReadOnlySpan<char> key, string value)
        {
            var node = _root[key[0]];
            if (node == 0)
            {
                node = _root[key[0]] = NewNode();
            }
            for (var i = 1; i < key.Length; i++)
            {
                var edge = Edge(node, key[i]);
                if (!_edges.TryGetValue(edge, out var next))
                {
                    next = NewNode();
                    _edges[edge] = next;
                }
                node = next;
            }
            _values[node] = value;
        }

        int NewNode()
        {
            _values.Add(null);
            return _values.Count - 1;
        }

        static long Edge(int node, char c) => ((long)node << 16) | c;

        public bool Touches(string text)
        {
            foreach (var c in text)
            {
                if (_root[c] != 0)
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
                var node = _root[text[i]];
                if (node == 0)
                {
                    i++;
                    continue;
                }
                var matched = _values[node] is null ? 0 : 1;
                var value = _values[node];
                for (var j = i + 1; j < text.Length && _edges.TryGetValue(Edge(node, text[j]), out node); j++)
                {
                    if (_values[node] is { } v)
                    {
                        matched = j - i + 1;
                        value = v;
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
