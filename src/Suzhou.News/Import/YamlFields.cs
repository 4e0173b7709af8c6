using Suzhou.News.Site;
using YamlDotNet.RepresentationModel;

namespace Suzhou.News.Import;

/// <summary>
/// Typed, line-aware reads from a YAML mapping. Every read that fails records a problem at the line
/// of the offending value and returns null, so one pass reports every mistake in a file.
/// </summary>
public sealed class YamlFields(FrontMatterFile file, YamlMappingNode map, List<ImportProblem> problems)
{
    readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(FrontMatterFile file, List<ImportProblem> problems) : this(file, file.Fields, problems) { }

    public bool HasErrors => problems.Any(p => !p.IsWarning);

    public int Line => file.LineOf(map);

    public void Error(YamlNode? at, string message) =>
        problems.Add(new(file.DisplayPath, at is null ? file.LineOf(map) : file.LineOf(at), message));

    public void Error(string message) => Error(null, message);

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    public int LineOf(string key) => map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } k
        ? file.LineOf(k)
        : file.LineOf(map);

    /// <summary>A text value, trimmed; null when missing or empty.</summary>
    public string? Text(string key, int maxLength, bool required = false, string? label = null)
    {
        var node = Node(key);
        if (node is null || node is YamlScalarNode { Value: null or "" or "~" })
        {
            if (required)
            {
                Error($"缺少必填字段 {key}（{label ?? key}）");
            }
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"{key} 应为一行文字");
            return null;
        }
        var value = scalar.Value!.Trim();
        if (value.Length > maxLength)
        {
            Error(node, $"{label ?? key} 不能超过 {maxLength} 个字（现有 {value.Length} 个）");
            return null;
        }
        return value;
    }

    public int? PositiveInt(string key, bool required, string label)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"缺少必填字段 {key}（{label}）");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }
        Error(node, $"{label}应为正整数，而不是“{(node as YamlScalarNode)?.Value}”");
        return null;
    }

    /// <summary>A Beijing-time date (<c>2026-11-28 08:30</c>) as UTC.</summary>
    public DateTime? Time(string key, bool required, string label) => Time(Node(key), key, required, label);

    public DateTime? Time(YamlNode? node, string key, bool required, string label)
    {
        if (node is null)
        {
            if (required)
            {
                Error($"缺少必填字段 {key}（{label}）");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } v } && BeijingTime.TryParse(v, out var utc))
        {
            return utc;
        }
        Error(node, $"{label}“{(node as YamlScalarNode)?.Value}”不是有效时间，应写成 2026-11-28 08:30（北京时间）");
        return null;
    }

    /// <summary>A list of short texts; a single value counts as a list of one.</summary>
    public List<(string Value, YamlNode Node)> List(string key) => List(Node(key), key);

    public List<(string Value, YamlNode Node)> List(YamlNode? node, string key)
    {
        var items = new List<(string, YamlNode)>();
        switch (node)
        {
            case null:
                break;
            case YamlScalarNode { Value: null or "" or "~" }:
                break;
            case YamlScalarNode scalar:
                items.Add((scalar.Value!.Trim(), scalar));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } v })
                    {
                        items.Add((v.Trim(), item));
                    }
                    else
                    {
                        Error(item, $"{key} 的每一项应为一段文字");
                    }
                }
                break;
            default:
                Error(node, $"{key} 应为列表，例如 [{key}1, {key}2]");
                break;
        }
        return items;
    }

    public YamlFields? Map(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null or YamlScalarNode { Value: null or "" or "~" }:
                return null;
            case YamlMappingNode child:
                return new YamlFields(file, child, problems);
            default:
                Error(node, $"{key} 应为“字段: 值”的结构");
                return null;
        }
    }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries() =>
        map.Children.Select(c => ((c.Key as YamlScalarNode)?.Value ?? "", c.Key, c.Value));

    /// <summary>Warns about keys nobody read: usually a typo such as <c>titel</c>.</summary>
    public void WarnUnknownKeys()
    {
        foreach (var (key, keyNode, _) in Entries())
        {
            if (!_read.Contains(key))
            {
                problems.Add(new(file.DisplayPath, file.LineOf(keyNode), $"未知字段 {key}，已忽略", IsWarning: true));
            }
        }
    }
}
