using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Articles;
using Suzhou.News.Channels;

namespace Suzhou.News.Tests.Search;

public sealed class SearchPageTests(SearchSite site) : IClassFixture<SearchSite>
{
    readonly HttpClient _reader = site.App.CreateReader();

    async Task<List<string>> ResultLinks(string query)
    {
        var page = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        return page.QuerySelectorAll(".search-results .search-title a").Select(a => a.GetAttribute("href")!).ToList();
    }

    [Theory]
    [InlineData("萧县")]
    [InlineData("高铁")]
    [InlineData("宿州")]
    public async Task Two_character_words_find_seed_articles(string word)
    {
        var page = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString(word));

        var results = page.QuerySelectorAll(".search-results li");
        Assert.NotEmpty(results);
        // A match may sit in the tags or credits, which the snippet does not show; most show it marked.
        Assert.Contains(results, li => li.QuerySelector("mark") is not null);
        Assert.All(page.QuerySelectorAll(".search-results mark"), mark => Assert.Equal(word, mark.Text()));
        Assert.Contains("找到", page.One(".search-count").Text());
    }

    [Theory]
    [InlineData("G3")]
    [InlineData("5G")]
    [InlineData("2024年")]
    [InlineData("g3快线")]
    public async Task Mixed_chinese_latin_and_digit_queries_match(string query)
    {
        Assert.Contains("/content_990004.html", string.Join(" ", await ResultLinks(query)));
    }

    [Fact]
    public async Task Title_hits_rank_first_then_newer_before_older()
    {
        var links = await ResultLinks("翠鸟湾");

        Assert.Equal([TestArticles.Url(site.TitleHit), TestArticles.Url(site.NewestBodyHit), TestArticles.Url(site.NewerBodyHit)], links);
    }

    [Fact]
    public async Task Drafts_are_never_found()
    {
        Assert.DoesNotContain(await ResultLinks("翠鸟湾二期"), l => l.Contains("990005", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retracted_article_disappears_from_results_at_once_and_an_edit_reindexes_it()
    {
        var article = await TestArticles.AddAsync(site.App, 990101, "白鹭洲观鸟节开幕", "观鸟爱好者齐聚。", site.Now.AddHours(-3));
        Assert.Equal([TestArticles.Url(article)], await ResultLinks("白鹭洲"));

        await TestArticles.UpdateAsync(site.App, 990101, a => a.Title = "黄鹂岛观鸟节开幕");
        Assert.Empty(await ResultLinks("白鹭洲"));
        Assert.Equal([TestArticles.Url(article)], await ResultLinks("黄鹂岛"));

        await TestArticles.UpdateAsync(site.App, 990101, a => a.Status = ArticleStatus.Retracted);
        var page = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString("黄鹂岛"));
        Assert.Empty(page.QuerySelectorAll(".search-results li"));
        Assert.Contains("没有找到", page.One(".search-empty").Text());
    }

    [Fact]
    public async Task Changing_only_tags_or_credits_reindexes_the_article()
    {
        var article = await TestArticles.AddAsync(site.App, 990201, "秋季运动会闭幕", "比赛圆满结束。", site.Now.AddHours(-4), tags: ["铁人三项"]);
        Assert.Equal([TestArticles.Url(article)], await ResultLinks("铁人三项"));

        using (var scope = site.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var stored = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Number == 990201);
            stored.Tags.Clear();
            stored.Tags.Add(new Tag { Name = "皮划艇" });
            stored.Credits = [new Credit { Role = CreditRole.Photographer, Name = "欧阳晨曦" }];
            await db.SaveChangesAsync();
        }

        Assert.Empty(await ResultLinks("铁人三项"));
        Assert.Equal([TestArticles.Url(article)], await ResultLinks("皮划艇"));
        Assert.Equal([TestArticles.Url(article)], await ResultLinks("欧阳晨曦"));
    }

    [Fact]
    public async Task Highlights_are_applied_to_encoded_text()
    {
        var response = await _reader.GetAsync("/search?q=" + Uri.EscapeDataString("青檀巷"));
        var html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        var title = page.One(".search-title a");
        Assert.Equal("<b>青檀巷</b>改造完成", title.Text());
        Assert.Equal("青檀巷", title.QuerySelector("mark")!.Text());
        Assert.Null(page.QuerySelector(".search-results b, .search-results script"));
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Channel_filter_keeps_only_that_channel()
    {
        var page = await _reader.GetPageAsync("/search?channel=jingji&q=" + Uri.EscapeDataString("萧县"));

        Assert.All(page.QuerySelectorAll(".search-meta a"), a => Assert.Equal("/channel/jingji", a.GetAttribute("href")));
        Assert.Equal("jingji", page.One("#search-channel option[selected]").GetAttribute("value"));
    }

    [Fact]
    public async Task Results_are_paginated_with_the_query_kept_in_page_links()
    {
        var page = await _reader.GetPageAsync("/search?q=" + Uri.EscapeDataString("宿州"));

        var next = page.One(".pagination a[rel='next']").GetAttribute("href")!;
        Assert.StartsWith("/search?q=", next);
        Assert.EndsWith("&page=2", next);
        var second = await _reader.GetPageAsync(next);
        Assert.Equal("6", second.One(".search-results").GetAttribute("start"));
    }

    public static TheoryData<string> BadQueries => new()
    {
        "",
        "\"",
        "*",
        "NEAR(",
        "^",
        "宿州\" OR \"",
        "(高铁",
        "title:高铁",
        new string('宿', 2000),
        new string('a', 2000),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_queries_give_a_normal_page(string query)
    {
        var response = await _reader.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("form.search-form input[name='q']"));
        Assert.True(page.One("#search-q").GetAttribute("value")!.Length <= 100);
    }

    [Theory]
    [InlineData("%ED%A0%80")]          // a lone surrogate, as CESU-8 bytes
    [InlineData("%FF%FE")]             // not UTF-8 at all
    [InlineData("%E5%AE%BF%ED%B0%80")] // 宿 + a lone low surrogate
    public async Task Broken_characters_in_the_query_give_a_normal_page(string rawQuery)
    {
        var response = await _reader.GetAsync("/search?q=" + rawQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Header_has_a_labelled_search_box_on_every_page()
    {
        var page = await _reader.GetPageAsync("/");

        var form = page.One("header form[role='search']");
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.One("input[name='q']");
        Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
    }
}
