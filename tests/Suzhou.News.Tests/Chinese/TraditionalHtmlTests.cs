using Suzhou.News.Chinese;

namespace Suzhou.News.Tests.Chinese;

public sealed class TraditionalHtmlTests
{
    static string Convert(string html) => TraditionalHtml.Convert(html, ChineseConverter.Shared);

    [Fact]
    public void Text_and_readable_attributes_are_converted()
    {
        Assert.Equal(
            """<p title="發展">頭髮<img src="/media/tou-fa.svg" alt="麵條"><span aria-label="幹部">幹部</span></p><meta name="description" content="發展">""",
            Convert("""<p title="发展">头发<img src="/media/tou-fa.svg" alt="面条"><span aria-label="干部">干部</span></p><meta name="description" content="发展">"""));
    }

    [Fact]
    public void Scripts_styles_code_pre_and_comments_are_left_alone()
    {
        const string html = """<script src="/js/site.js">var s = "发展";</script><style>p::before{content:"发展"}</style><code>发展</code><pre>头发<b>干部</b></pre><!-- 发展 -->""";
        Assert.Equal(html, Convert(html));
    }

    [Fact]
    public void Urls_in_text_are_left_alone()
    {
        Assert.Equal("見 https://example.cn/发展 網頁", Convert("见 https://example.cn/发展 网页"));
    }

    [Theory]
    [InlineData("""<a href="/channel/bendi">本地</a>""", """<a href="/zh-hant/channel/bendi">本地</a>""")]
    [InlineData("""<a href="/">首页</a>""", """<a href="/zh-hant/">首頁</a>""")]
    [InlineData("""<a href="/xw/content/2026-11/28/content_246001.html#a">x</a>""", """<a href="/zh-hant/xw/content/2026-11/28/content_246001.html#a">x</a>""")]
    [InlineData("""<a href="/tag/%E5%AE%BF%E5%B7%9E?page=2">x</a>""", """<a href="/zh-hant/tag/%E5%AE%BF%E5%B7%9E?page=2">x</a>""")]
    [InlineData("""<form action="/search" method="get"></form>""", """<form action="/zh-hant/search" method="get"></form>""")]
    public void Local_page_links_stay_in_traditional(string html, string expected) =>
        Assert.Equal(expected, Convert(html));

    [Theory]
    [InlineData("""<a href="/media/photo.jpg">x</a>""")]
    [InlineData("""<a href="/rss.xml">x</a>""")]
    [InlineData("""<a href="/admin/articles">x</a>""")]
    [InlineData("""<a href="/zh-hant/about">x</a>""")]
    [InlineData("""<a href="//evil.example/x">x</a>""")]
    [InlineData("""<a href="https://www.12377.cn">x</a>""")]
    [InlineData("""<a href="#main">x</a>""")]
    [InlineData("""<a href="/prefs/script/hans?returnUrl=%2F" data-variant>x</a>""")]
    [InlineData("""<link rel="alternate" hreflang="zh-Hans" href="/about">""")]
    public void Other_links_are_left_alone(string html) =>
        Assert.Equal(html, Convert(html));
}
