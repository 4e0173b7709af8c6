using System.Net;

namespace Suzhou.News.Tests.Channels;

[Collection(SeededSiteCollection.Name)]
public sealed class ListPageTests(SeededSite site)
{
    readonly HttpClient _reader = site.App.CreateReader();

    [Fact]
    public async Task Channel_page_lists_newest_first_with_numbered_pagination()
    {
        var page = await _reader.GetPageAsync("/channel/bendi");

        Assert.Equal("本地", page.One("h1").Text());
        Assert.Equal(SeededSite.PageSize, page.QuerySelectorAll(".card-list > li").Length);
        var pagination = page.One("nav.pagination");
        Assert.Equal("1", pagination.One("[aria-current='page']").Text());
        Assert.Equal("/channel/bendi?page=2", pagination.One("a[rel='next']").GetAttribute("href"));
        Assert.Contains("第 1 页，共 2 页", pagination.Text());
        Assert.EndsWith("/channel/bendi", page.One("link[rel='canonical']").GetAttribute("href"));
        Assert.Equal("本地", page.One(".channel-nav a[aria-current='page']").Text());
    }

    [Fact]
    public async Task Second_page_continues_the_list_and_links_back()
    {
        var first = await _reader.GetPageAsync("/channel/bendi");
        var second = await _reader.GetPageAsync("/channel/bendi?page=2");

        var firstTitles = first.QuerySelectorAll(".card-title").Select(e => e.Text());
        var secondTitles = second.QuerySelectorAll(".card-title").Select(e => e.Text()).ToList();
        Assert.NotEmpty(secondTitles);
        Assert.Empty(firstTitles.Intersect(secondTitles));
        Assert.Equal("/channel/bendi", second.One("nav.pagination a[rel='prev']").GetAttribute("href"));
        Assert.EndsWith("/channel/bendi?page=2", second.One("link[rel='canonical']").GetAttribute("href"));
    }

    [Theory]
    [InlineData("/channel/bendi?page=1", "/channel/bendi")]
    [InlineData("/topic/yunhe?page=1", "/topic/yunhe")]
    [InlineData("/tag/%E6%B3%97%E5%8E%BF?page=1", "/tag/%E6%B3%97%E5%8E%BF")]
    public async Task Explicit_first_page_redirects_to_the_list_itself(string url, string canonical)
    {
        var response = await _reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task County_page_gathers_the_county_channel_and_stories_tagged_with_the_county()
    {
        var page = await _reader.GetPageAsync("/channel/sixian");

        Assert.Equal("泗县", page.One("h1").Text());
        Assert.Equal("县区", page.One(".channel-nav a[aria-current='page']").Text());
        // 泗县 has two articles of its own and more filed elsewhere with county: sixian.
        Assert.Contains("第 1 页，共 2 页", page.One("nav.pagination").Text());
        var channels = page.QuerySelectorAll(".card-channel").Select(e => e.Text()).Distinct().ToList();
        Assert.True(channels.Count > 1, "stories from other channels about 泗县 are listed too");
        Assert.Contains("萧县", page.QuerySelectorAll(".sub-channels a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Parent_channel_page_lists_its_sub_channels()
    {
        var page = await _reader.GetPageAsync("/channel/xianqu");

        Assert.Equal(["全部", "埇桥区", "砀山县", "萧县", "灵璧县", "泗县"], page.QuerySelectorAll(".sub-channels a").Select(a => a.Text()));
        Assert.Equal(SeededSite.PageSize, page.QuerySelectorAll(".card-list > li").Length);
    }

    [Fact]
    public async Task Topic_page_shows_intro_and_member_articles()
    {
        var page = await _reader.GetPageAsync("/topic/yunhe");

        Assert.Equal("大运河文化带·泗县段", page.One("h1").Text());
        Assert.NotEmpty(page.One(".topic-intro").Text());
        Assert.NotEmpty(page.QuerySelectorAll(".card-list > li"));
    }

    [Fact]
    public async Task Topics_index_lists_every_topic()
    {
        var page = await _reader.GetPageAsync("/topic");

        var titles = page.QuerySelectorAll(".topic-title").Select(e => e.Text()).ToList();
        Assert.Equal(4, titles.Count);
        Assert.Contains("融入长三角 宿州在行动", titles);
        Assert.Equal("专题", page.One(".channel-nav a[aria-current='page']").Text());
    }

    [Fact]
    public async Task Topics_channel_link_leads_to_the_topics_index()
    {
        var response = await _reader.GetAsync("/channel/zhuanti");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/topic", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Tag_page_lists_articles_with_the_tag()
    {
        var article = await _reader.GetPageAsync(SeedArticles.Headline);
        var tagLink = article.QuerySelectorAll(".article-tags a").First(a => a.GetAttribute("href")!.StartsWith("/tag/", StringComparison.Ordinal));

        var page = await _reader.GetPageAsync(tagLink.GetAttribute("href")!);

        Assert.Equal("标签：" + tagLink.Text(), page.One("h1").Text());
        Assert.Contains(page.QuerySelectorAll(".card-title a"), a => a.GetAttribute("href") == SeedArticles.Headline);
    }
}
