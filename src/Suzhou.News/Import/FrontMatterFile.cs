using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Suzhou.News.Import;

/// <summary>
/// A Markdown file with YAML front matter between <c>---</c> lines. Keeps line numbers so every
/// problem can be reported as <c>file:line</c>.
/// </summary>
public sealed class FrontMatterFile
{
    public required string DisplayPath { get; init; }
    public YamlMappingNode Fields { get; private init; } = new();
    public string Body { get; private init; } = "";

    /// <summary>File line of the first YAML line (the one after the opening <c>---</c>).</summary>
    public int YamlStartLine { get; private init; } = 2;

    /// <summary>The file line of a YAML node.</summary>
    public int LineOf(YamlNode node) => (int)node.Start.Line + YamlStartLine - 1;

    /// <summary>Reads and splits a file; returns null and reports a problem when there is no usable front matter.</summary>
    public static FrontMatterFile? Read(string path, string displayPath, Action<ImportProblem> problem)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problem(new(displayPath, 1, "缺少 YAML 头信息：文件第一行应为 ---"));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (close < 0)
        {
            problem(new(displayPath, 1, "YAML 头信息没有结束行 ---"));
            return null;
        }

        var yaml = string.Join('\n', lines[1..close]);
        if (LoadYaml(yaml, (line, message) => problem(new(displayPath, line + 1, message))) is not { } stream)
        {
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode fields)
        {
            problem(new(displayPath, 2, "YAML 头信息应为“字段: 值”的列表"));
            return null;
        }

        return new FrontMatterFile
        {
            DisplayPath = displayPath,
            Fields = fields,
            Body = string.Join('\n', lines[(close + 1)..]).Trim('\n'),
            YamlStartLine = 2,
        };
    }

    /// <summary>Parses YAML; on a syntax error reports the line (1-based within <paramref name="yaml"/>) and returns null.</summary>
    internal static YamlStream? LoadYaml(string yaml, Action<int, string> error)
    {
        var parser = new Parser(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
            return stream;
        }
        catch (YamlException e)
        {
            error((int)e.Start.Line, "YAML 格式错误：" + FirstLine(e.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up this way on an unclosed [ or { at the end of the text; the parser
            // still knows where the construct began.
            error((int)(parser.Current?.Start.Line ?? 1), "YAML 格式错误：方括号、花括号或引号没有闭合");
        }
        return null;
    }

    static string FirstLine(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: …): "; the line is already in the report.
        var text = message.Split('\n')[0];
        var marker = text.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 ? text[(marker + 3)..] : text;
    }
}
