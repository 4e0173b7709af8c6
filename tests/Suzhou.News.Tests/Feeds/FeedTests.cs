using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace Suzhou.News.Tests.Feeds;

public sealed class FeedTests(FeedSite site) : IClassFixture<FeedSite>
{
    static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    readonly HttpClient _reader = site.App.CreateReader();

    async Task<SyndicationFeed> FeedAsync(string url)
    {
        var response = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        using var xml = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(xml);
    }

    async Task<XDocument> XmlAsync(string url)
    {
        var response = await _reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Site_feed_parses_as_rss_with_absolute_links_dates_categories_and_summaries()
    {
        var feed = await FeedAsync("/rss.xml");

        Assert.Equal("拂晓新闻网", feed.Title.Text);
        Assert.Equal(50, feed.Items.Count());
        var first = feed.Items.First();
        Assert.Equal($"{FeedSite.BaseUrl}{site.FreshUrl}", first.Links.Single().Uri.ToString());
        Assert.All(feed.Items, item =>
        {
            Assert.StartsWith(FeedSite.BaseUrl + "/xw/content/", item.Links.Single().Uri.ToString());
            Assert.NotEqual(default, item.PublishDate);
            Assert.NotEmpty(item.Categories);
        });
        Assert.Contains(feed.Items, item => !string.IsNullOrEmpty(item.Summary?.Text));
        Assert.DoesNotContain(feed.Items, item => item.Links.Single().Uri.AbsolutePath == site.RetractedUrl);
        Assert.True(feed.Items.Zip(feed.Items.Skip(1)).All(p => p.First.PublishDate >= p.Second.PublishDate));
    }

    [Theory]
    [InlineData("bendi", "本地")]
    [InlineData("xiaoxian", "萧县")]
    public async Task Channel_and_county_feeds_hold_only_their_own_stories(string slug, string name)
    {
        var feed = await FeedAsync($"/channel/{slug}/rss.xml");

        Assert.StartsWith(name, feed.Title.Text);
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.Contains(item.Categories, c => c.Name == name));
    }

    [Fact]
    public async Task Unknown_channel_feed_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/channel/no-such/rss.xml")).StatusCode);
    }

    [Fact]
    public async Task Pages_link_to_their_feeds_in_the_head()
    {
        var home = await _reader.GetPageAsync("/");
        Assert.Equal("/rss.xml", home.One("link[rel='alternate'][type='application/rss+xml']").GetAttribute("href"));

        var channel = await _reader.GetPageAsync("/channel/bendi");
        Assert.Contains("/channel/bendi/rss.xml", channel.QuerySelectorAll("link[rel='alternate']").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public async Task Sitemap_index_splits_articles_into_pages_of_the_configured_size()
    {
        var index = await XmlAsync("/sitemap.xml");
        var children = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        var articlePages = children.Where(c => c.Contains("/sitemaps/articles-", StringComparison.Ordinal)).ToList();

        var seen = new List<string>();
        foreach (var page in articlePages)
        {
            Assert.StartsWith(FeedSite.BaseUrl, page);
            var urls = (await XmlAsync(new Uri(page).PathAndQuery)).Root!.Elements(Sm + "url").ToList();
            Assert.InRange(urls.Count, 1, FeedSite.SitemapPageSize);
            Assert.All(urls, u => Assert.NotNull(u.Element(Sm + "lastmod")));
            seen.AddRange(urls.Select(u => u.Element(Sm + "loc")!.Value));
        }

        var feed = await FeedAsync("/rss.xml"); // the 50 newest; the sitemap must hold them all and more
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count > 50, $"only {seen.Count} URLs in the sitemaps");
        Assert.Equal((seen.Count + FeedSite.SitemapPageSize - 1) / FeedSite.SitemapPageSize, articlePages.Count);
        Assert.All(feed.Items, item => Assert.Contains(item.Links.Single().Uri.ToString(), seen));
        Assert.DoesNotContain(FeedSite.BaseUrl + site.RetractedUrl, seen);
        Assert.Contains(children, c => c.EndsWith("/sitemaps/news.xml", StringComparison.Ordinal));

        var pastTheEnd = $"/sitemaps/articles-{articlePages.Count + 1}.xml";
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync(pastTheEnd)).StatusCode);
    }

    [Fact]
    public async Task News_sitemap_lists_only_the_last_48_hours()
    {
        var news = await XmlAsync("/sitemaps/news.xml");
        var urls = news.Root!.Elements(Sm + "url").ToList();

        var fresh = Assert.Single(urls, u => u.Element(Sm + "loc")!.Value == FeedSite.BaseUrl + site.FreshUrl);
        Assert.Equal("一小时前的快讯", fresh.Element(News + "news")!.Element(News + "title")!.Value);
        Assert.Equal("zh-cn", fresh.Descendants(News + "language").Single().Value);
        Assert.DoesNotContain(urls, u => u.Element(Sm + "loc")!.Value.EndsWith(site.OldUrl, StringComparison.Ordinal));
        Assert.DoesNotContain(urls, u => u.Element(Sm + "loc")!.Value.EndsWith(site.RetractedUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemaps()
    {
        var robots = await _reader.GetStringAsync("/robots.txt");

        Assert.Contains($"Sitemap: {FeedSite.BaseUrl}/sitemap.xml", robots);
        Assert.Contains($"Sitemap: {FeedSite.BaseUrl}/sitemaps/news.xml", robots);
        Assert.Contains("Disallow: /admin", robots);
    }
}
