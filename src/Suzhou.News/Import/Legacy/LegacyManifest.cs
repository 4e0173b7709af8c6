using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Suzhou.News.Import.Legacy;

/// <summary>What is known about one old file: number, title, date and channel, any of which may be missing.</summary>
public sealed class LegacyEntry
{
    public string File { get; set; } = "";
    public int? Number { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Channel { get; set; }
}

/// <summary>
/// The sidecar of a legacy folder: <c>manifest.csv</c> (header <c>file,number,title,date,channel</c>) or
/// <c>manifest.yml</c> (a list of the same fields). A file it does not name may still carry its number and date
/// in its own name: <c>2019-05-12_content_12345.txt</c> or <c>content_12345.txt</c>.
/// </summary>
public static partial class LegacyManifest
{
    public static Dictionary<string, LegacyEntry> Read(string folder, List<ImportProblem> problems)
    {
        var entries = new Dictionary<string, LegacyEntry>(StringComparer.Ordinal);
        var csv = Path.Combine(folder, "manifest.csv");
        var yml = Path.Combine(folder, "manifest.yml");
        if (File.Exists(csv))
        {
            ReadCsv(csv, entries, problems);
        }
        else if (File.Exists(yml))
        {
            ReadYaml(yml, entries, problems);
        }
        return entries;
    }

    /// <summary>The manifest entry, completed from the file name where the manifest is silent.</summary>
    public static LegacyEntry For(string fileName, Dictionary<string, LegacyEntry> manifest)
    {
        var entry = manifest.GetValueOrDefault(fileName) ?? new LegacyEntry { File = fileName };
        if (FileNamePattern().Match(Path.GetFileNameWithoutExtension(fileName)) is { Success: true } m)
        {
            entry.Number ??= int.TryParse(m.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
            entry.Date ??= m.Groups["date"].Success ? m.Groups["date"].Value : null;
        }
        return entry;
    }

    static void ReadCsv(string path, Dictionary<string, LegacyEntry> entries, List<ImportProblem> problems)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0)
        {
            return;
        }
        var header = SplitCsv(lines[0].TrimStart('\uFEFF')).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var column = (string name) => header.IndexOf(name);
        if (column("file") < 0)
        {
            problems.Add(new(path, 1, "manifest.csv 缺少 file 列（表头应为 file,number,title,date,channel）"));
            return;
        }
        for (var n = 1; n < lines.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }
            var cells = SplitCsv(lines[n]);
            string? Cell(string name) => column(name) is var i and >= 0 && i < cells.Count && cells[i].Trim() is { Length: > 0 } v ? v : null;
            var entry = new LegacyEntry { File = Cell("file") ?? "", Title = Cell("title"), Date = Cell("date"), Channel = Cell("channel") };
            if (Cell("number") is { } number)
            {
                if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
                {
                    entry.Number = value;
                }
                else
                {
                    problems.Add(new(path, n + 1, $"文章编号“{number}”不是正整数，已忽略", IsWarning: true));
                }
            }
            Add(entry, path, n + 1, entries, problems);
        }
    }

    static void ReadYaml(string path, Dictionary<string, LegacyEntry> entries, List<ImportProblem> problems)
    {
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            var list = deserializer.Deserialize<List<LegacyEntry>>(File.ReadAllText(path, Encoding.UTF8)) ?? [];
            foreach (var entry in list)
            {
                Add(entry, path, 1, entries, problems);
            }
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            problems.Add(new(path, (int)e.Start.Line, "manifest.yml 格式有误：" + e.Message));
        }
    }

    static void Add(LegacyEntry entry, string path, int line, Dictionary<string, LegacyEntry> entries, List<ImportProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(entry.File))
        {
            problems.Add(new(path, line, "清单行缺少文件名，已忽略", IsWarning: true));
            return;
        }
        if (!entries.TryAdd(entry.File.Trim(), entry))
        {
            problems.Add(new(path, line, $"文件 {entry.File} 在清单中重复，只用第一行", IsWarning: true));
        }
    }

    /// <summary>One CSV line: commas separate, double quotes allow commas and doubled quotes inside.</summary>
    static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    [GeneratedRegex(@"^(?:(?<date>\d{4}-\d{2}-\d{2})_)?(?:content_)?(?<number>\d{1,9})$")]
    private static partial Regex FileNamePattern();
}
