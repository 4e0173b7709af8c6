using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace Suzhou.News.Articles;

/// <summary>Rendered article body: sanitized HTML for the page, plain text for summaries and search.</summary>
public sealed record RenderedMarkdown(string Html, string PlainText);

/// <summary>Width and height of a picture, when known.</summary>
public readonly record struct ImageSize(int Width, int Height);

/// <summary>A smaller copy of a picture, offered to browsers through <c>srcset</c>.</summary>
public readonly record struct ImageVariant(string Url, int Width);

/// <summary>
/// Markdown → safe HTML, used when an article is saved or imported (never per request).
/// Markdig is not a sanitizer — it passes <c>javascript:</c> links and <c>data:</c> images even with raw HTML
/// off — so its output always goes through HtmlSanitizer with a short allow-list.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Bump when the output changes, so stored HTML can be re-rendered.</summary>
    public const int Version = 2;

    readonly MarkdownPipeline _pipeline;
    readonly HtmlSanitizer _sanitizer;
    readonly Func<string, ImageSize?> _sizeOf;
    readonly Func<string, IReadOnlyList<ImageVariant>> _variantsOf;

    /// <summary>How wide a body picture is drawn: the full phone width, at most the article column.</summary>
    public const string ImageSizes = "(max-width: 760px) 100vw, 720px";

    /// <param name="sizeOf">Looks up a picture's size by its site path (e.g. <c>/media/x.svg</c>); null when unknown.</param>
    /// <param name="variantsOf">Looks up the smaller copies of an uploaded picture, narrowest first.</param>
    public MarkdownRenderer(Func<string, ImageSize?>? sizeOf = null, Func<string, IReadOnlyList<ImageVariant>>? variantsOf = null)
    {
        _sizeOf = sizeOf ?? (_ => null);
        _variantsOf = variantsOf ?? (_ => []);

        // Raw HTML off; no generic-attributes extension ({onclick=...} stays text).
        _pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAutoLinks()
            .Build();

        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "b", "i", "s", "del", "ins",
                "mark", "sub", "sup", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
                "table", "thead", "tbody", "tr", "th", "td", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "id", "colspan", "rowspan", "start", "style",
            },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        });
        _sanitizer.PostProcessDom += (_, e) => Polish(e.Document);
    }

    public RenderedMarkdown Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown, _pipeline);
        var safe = _sanitizer.Sanitize(html);
        var text = Markdown.ToPlainText(markdown, _pipeline);
        return new RenderedMarkdown(safe.Trim(), NormalizeWhitespace(text));
    }

    /// <summary>Typography and layout touches applied to the already-sanitized DOM.</summary>
    void Polish(IHtmlDocument document)
    {
        // The page title is the only h1.
        foreach (var h1 in document.QuerySelectorAll("h1").ToList())
        {
            var h2 = document.CreateElement("h2");
            foreach (var attr in h1.Attributes.ToList())
            {
                h2.SetAttribute(attr.Name, attr.Value);
            }
            h2.Append([.. h1.ChildNodes]);
            h1.Replace(h2);
        }

        foreach (var heading in document.QuerySelectorAll("h2[id], h3[id], h4[id]"))
        {
            var anchor = document.CreateElement("a");
            anchor.ClassName = "heading-anchor";
            anchor.SetAttribute("href", "#" + heading.Id);
            anchor.SetAttribute("aria-label", "本节链接：" + heading.TextContent.Trim());
            anchor.TextContent = "#";
            heading.AppendChild(anchor);
        }

        foreach (var img in document.QuerySelectorAll("img").OfType<IHtmlImageElement>().ToList())
        {
            PolishImage(document, img);
        }

        // Column alignment as classes: the site's CSP allows no inline styles.
        foreach (var cell in document.QuerySelectorAll("[style]").ToList())
        {
            var style = cell.GetAttribute("style") ?? "";
            cell.RemoveAttribute("style");
            foreach (var align in (string[])["left", "center", "right"])
            {
                if (style.Contains(align, StringComparison.OrdinalIgnoreCase))
                {
                    cell.ClassList.Add("align-" + align);
                }
            }
        }

        foreach (var table in document.QuerySelectorAll("table").ToList())
        {
            // Wide tables scroll inside their own box on phones, and the box is reachable by keyboard.
            var wrap = document.CreateElement("div");
            wrap.ClassName = "table-wrap";
            wrap.SetAttribute("role", "region");
            wrap.SetAttribute("aria-label", "表格");
            wrap.SetAttribute("tabindex", "0");
            table.Replace(wrap);
            wrap.AppendChild(table);
        }
    }

    void PolishImage(IHtmlDocument document, IHtmlImageElement img)
    {
        var src = img.GetAttribute("src") ?? "";
        if (src.StartsWith("media/", StringComparison.Ordinal))
        {
            src = "/" + src;
            img.SetAttribute("src", src);
        }
        img.SetAttribute("loading", "lazy");
        img.SetAttribute("decoding", "async");
        img.SetAttribute("alt", img.GetAttribute("alt") ?? "");
        if (_sizeOf(src) is { } size)
        {
            img.SetAttribute("width", size.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            img.SetAttribute("height", size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (_variantsOf(src) is { Count: > 0 } variants)
            {
                // The browser picks the smallest copy that fills the slot; the full picture closes the list.
                var candidates = variants.Where(v => v.Width < size.Width).Select(v => $"{v.Url} {v.Width}w").Append($"{src} {size.Width}w");
                img.SetAttribute("srcset", string.Join(", ", candidates));
                img.SetAttribute("sizes", ImageSizes);
            }
        }

        // A picture alone in its paragraph is a figure; its Markdown title becomes the caption.
        if (img.ParentElement is { LocalName: "p" } paragraph
            && paragraph.ChildNodes.All(n => n == img || n is IText { Data: var t } && string.IsNullOrWhiteSpace(t)))
        {
            var figure = document.CreateElement("figure");
            figure.ClassName = "article-figure";
            paragraph.Replace(figure);
            figure.AppendChild(img);
            if (img.GetAttribute("title") is { Length: > 0 } caption)
            {
                var figcaption = document.CreateElement("figcaption");
                figcaption.TextContent = caption;
                figure.AppendChild(figcaption);
                img.RemoveAttribute("title");
            }
        }
    }

    static string NormalizeWhitespace(string text) =>
        string.Join('\n', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
