using System.Xml;

namespace Suzhou.News.Media;

/// <summary>
/// SVG is a document that can carry script. Pictures in the media folder are served from the site's own
/// origin, so an SVG with script, event handlers, foreign HTML or outside references is refused.
/// </summary>
public static class SvgSafety
{
    /// <summary>Null when the file is not an SVG or looks safe; otherwise the reason it was refused.</summary>
    public static string? Check(string path)
    {
        if (!path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "embed" or "object")
                {
                    return $"SVG 中含有不允许的元素 <{reader.LocalName}>，已拒绝";
                }
                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"SVG 中含有事件属性 {reader.LocalName}，已拒绝";
                    }
                    if (reader.LocalName == "href" && !reader.Value.StartsWith('#'))
                    {
                        return $"SVG 中含有外部引用 {reader.Value}，已拒绝";
                    }
                }
            }
            return null;
        }
        catch (XmlException e)
        {
            return $"SVG 文件格式错误（第 {e.LineNumber} 行）：{e.Message}";
        }
    }
}
