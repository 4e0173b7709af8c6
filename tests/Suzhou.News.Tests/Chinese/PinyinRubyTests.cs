using Microsoft.Extensions.Options;
using Suzhou.News.Chinese;

namespace Suzhou.News.Tests.Chinese;

public sealed class PinyinRubyTests
{
    static PinyinRuby Ruby(bool enabled = true) => new(Options.Create(new ChineseOptions
    {
        PinyinRuby = enabled,
        Gazetteer = new() { ["埇桥"] = "yǒng qiáo", ["砀山"] = "dàng shān", ["灵璧"] = "líng bì" },
    }));

    [Fact]
    public void First_mention_of_each_place_gets_pinyin_over_each_character()
    {
        var html = Ruby().Annotate("<p>埇桥区和砀山县。埇桥的梨，砀山的梨。</p>");

        Assert.Equal(
            "<p><ruby>埇<rp>(</rp><rt>yǒng</rt><rp>)</rp>桥<rp>(</rp><rt>qiáo</rt><rp>)</rp></ruby>区和" +
            "<ruby>砀<rp>(</rp><rt>dàng</rt><rp>)</rp>山<rp>(</rp><rt>shān</rt><rp>)</rp></ruby>县。埇桥的梨，砀山的梨。</p>",
            html);
    }

    [Fact]
    public void Links_headings_and_code_are_skipped_and_the_next_mention_is_used()
    {
        var html = Ruby().Annotate("""<h2 id="a">埇桥<a class="heading-anchor" href="#a">#</a></h2><p><a href="/channel/yongqiao">埇桥</a> <code>埇桥</code> 埇桥</p>""");

        Assert.Equal(1, html.Split("<ruby>").Length - 1);
        Assert.EndsWith("<code>埇桥</code> <ruby>埇<rp>(</rp><rt>yǒng</rt><rp>)</rp>桥<rp>(</rp><rt>qiáo</rt><rp>)</rp></ruby></p>", html);
    }

    [Fact]
    public void Turned_off_it_changes_nothing()
    {
        const string html = "<p>埇桥区</p>";
        Assert.Same(html, Ruby(enabled: false).Annotate(html));
    }

    [Fact]
    public async Task Article_page_shows_pinyin_for_a_place_from_the_configured_gazetteer()
    {
        using var app = new NewsApp();
        var page = await app.CreateReader().GetPageAsync("/xw/content/2026-11/25/content_246005.html");

        var ruby = Assert.Single(page.QuerySelectorAll(".article-body ruby"));
        Assert.Equal(["dàng", "shān"], ruby.QuerySelectorAll("rt").Select(rt => rt.TextContent));

        var hant = await app.CreateReader().GetPageAsync("/zh-hant/xw/content/2026-11/25/content_246005.html");
        Assert.Equal(["dàng", "shān"], hant.One(".article-body ruby").QuerySelectorAll("rt").Select(rt => rt.TextContent));
        Assert.StartsWith("碭", hant.One(".article-body ruby").TextContent);
    }
}
