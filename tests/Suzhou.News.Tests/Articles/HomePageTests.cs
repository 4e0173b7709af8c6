namespace Suzhou.News.Tests.Articles;

[Collection(SeededSiteCollection.Name)]
public sealed class HomePageTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    [Fact]
    public async Task Front_page_leads_with_the_newest_headline_and_its_cover()
    {
        var page = await _reader.GetPageAsync("/");

        var headline = page.One(".headline");
        Assert.Equal("宿州东站12月起新增4对直达上海虹桥高铁", headline.QuerySelector("h2")!.Text());
        Assert.Equal(SeedArticles.Headline, headline.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.NotNull(headline.QuerySelector("img[src^='/media/']"));
        Assert.Contains("[详细]", headline.Text());
    }

    [Fact]
    public async Task Front_page_has_important_news_pictures_channel_county_and_topic_blocks()
    {
        var page = await _reader.GetPageAsync("/");

        Assert.True(page.QuerySelectorAll(".important .news-list li").Length >= 5, "要闻 lists at least five stories");
        Assert.True(page.QuerySelectorAll(".picture-grid img[alt]").Length >= 3, "the picture strip shows pictures with alt text");

        var blockTitles = page.QuerySelectorAll(".channel-blocks .block-title > span:first-child").Select(e => e.Text()).ToList();
        Assert.Equal(["本地", "时政", "社会", "经济", "文旅", "教育", "健康", "评论"], blockTitles);

        var counties = page.QuerySelectorAll(".county-grid h3").Select(e => e.Text()).ToList();
        Assert.Equal(["埇桥区", "砀山县", "萧县", "灵璧县", "泗县"], counties);
        Assert.All(page.QuerySelectorAll(".county-grid .county"), county => Assert.NotEmpty(county.QuerySelectorAll("li")));

        Assert.Contains("乡村振兴看宿州", page.QuerySelectorAll(".topic-cards span").Select(e => e.Text()));
        Assert.Equal(10, page.QuerySelectorAll(".home-side .news-list li").Length);
    }

    [Fact]
    public async Task Navigation_lists_every_channel_in_order_and_marks_home_current()
    {
        var page = await _reader.GetPageAsync("/");

        var nav = page.QuerySelectorAll(".channel-nav a").Select(a => a.Text()).ToList();
        Assert.Equal(["首页", "要闻", "本地", "县区", "时政", "社会", "经济", "文旅", "教育", "健康", "图片", "评论", "专题"], nav);
        Assert.Equal("首页", page.One(".channel-nav a[aria-current='page']").Text());
        Assert.Equal(["埇桥区", "砀山县", "萧县", "灵璧县", "泗县"], page.QuerySelectorAll(".county-nav a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Chinese_is_written_as_characters_not_escapes()
    {
        var html = await _reader.GetStringAsync("/");

        Assert.Contains("拂晓新闻网", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }
}
