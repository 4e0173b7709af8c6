using AngleSharp.Html.Parser;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Articles;

public sealed class MarkdownRendererTests
{
    readonly MarkdownRenderer _renderer = new(src => src == "/media/known.svg" ? new ImageSize(1200, 675) : null);

    static readonly string[] ForbiddenElements = ["script", "iframe", "style", "svg", "object", "embed"];

    public static TheoryData<string> Attacks => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[点我](javascript:alert(1))",
        "[点我](JaVaScRiPt:alert(1))",
        "[点我](&#106;avascript:alert(1))",
        "[点我](&#x6A;avascript&#x3A;alert(1))",
        "[点我](java&#x09;script:alert(1))",
        "[点我](vbscript:msgbox(1))",
        "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![图](javascript:alert(1))",
        "[点我](http://example.com){onclick=alert(1)}",
        "# 标题 {onmouseover=alert(1)}",
        "![x](https://example.com/a.png \"\\\" onerror=\\\"alert(1)\")",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<style>body{display:none}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[a](<javascript:alert(1)>)",
        "<https://example.com/\"onmouseover=\"alert(1)>",
        "[x]: javascript:alert(1)\n\n[点我][x]",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Attack_is_neutralised(string markdown)
    {
        var html = _renderer.Render(markdown).Html;
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} survived in {html}");
                if (attribute.Name is "href" or "src")
                {
                    var value = attribute.Value.Trim().ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal)
                        || value.StartsWith("data:", StringComparison.Ordinal),
                        $"dangerous URL {attribute.Value} survived in {html}");
                }
                if (attribute.Name == "style")
                {
                    Assert.DoesNotContain("url(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_interpreted()
    {
        var html = _renderer.Render("正文<b>加粗</b>").Html;

        Assert.Contains("&lt;b&gt;", html);
    }

    [Fact]
    public void Curly_attribute_syntax_stays_text()
    {
        var html = _renderer.Render("[链接](https://example.com){onclick=alert(1)}").Html;

        Assert.Contains("{onclick=alert(1)}", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("onclick=\"", html);
    }

    [Fact]
    public void Safe_links_survive()
    {
        var html = _renderer.Render("[举报中心](https://www.12377.cn) [写信](mailto:zgfxnews@163.com) [站内](/contact)").Html;

        Assert.Contains("href=\"https://www.12377.cn\"", html);
        Assert.Contains("href=\"mailto:zgfxnews@163.com\"", html);
        Assert.Contains("href=\"/contact\"", html);
    }

    [Fact]
    public void Headings_get_ids_and_anchor_links_and_h1_becomes_h2()
    {
        var document = new HtmlParser().ParseDocument(_renderer.Render("# 一级\n\n## 线路走向\n\n正文").Html);

        Assert.Empty(document.QuerySelectorAll("h1"));
        var heading = document.QuerySelectorAll("h2")[1];
        Assert.False(string.IsNullOrEmpty(heading.Id));
        Assert.Equal("#" + heading.Id, heading.QuerySelector("a.heading-anchor")!.GetAttribute("href"));
    }

    [Fact]
    public void Picture_alone_in_a_paragraph_becomes_a_lazy_figure_with_size_and_caption()
    {
        var document = new HtmlParser().ParseDocument(_renderer.Render("![公交车进站](media/known.svg \"新能源公交车\")").Html);

        var figure = document.QuerySelector("figure")!;
        var img = figure.QuerySelector("img")!;
        Assert.Equal("/media/known.svg", img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("675", img.GetAttribute("height"));
        Assert.Equal("公交车进站", img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("title"));
        Assert.Equal("新能源公交车", figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void Tables_scroll_in_a_focusable_region()
    {
        var document = new HtmlParser().ParseDocument(_renderer.Render("| 车次 | 时间 |\n|---|--:|\n| G1 | 07:10 |").Html);

        var wrap = document.QuerySelector("div.table-wrap")!;
        Assert.Equal("0", wrap.GetAttribute("tabindex"));
        // Alignment as a class: the CSP allows no inline styles.
        Assert.NotNull(wrap.QuerySelector("table td.align-right"));
        Assert.Null(wrap.QuerySelector("[style]"));
    }

    [Fact]
    public void Plain_text_has_no_markup()
    {
        var text = _renderer.Render("## 小标题\n\n第一段**加粗**，[链接](https://example.com)。").PlainText;

        Assert.Equal("小标题\n第一段加粗，链接。", text);
    }
}
