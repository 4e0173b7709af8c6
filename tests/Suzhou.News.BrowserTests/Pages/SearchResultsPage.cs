using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>
/// 站内搜索 at <c>/search?q=</c>: reached from the 搜索新闻 box in the page header; a count, then a numbered list of
/// results whose headlines (level-2 headings) link to the stories.
/// </summary>
public sealed class SearchResultsPage(IPage page, string query) : ReaderPage(page)
{
    public string Query { get; } = query;

    public ILocator Count => Main.GetByRole(AriaRole.Status);

    public ILocator ResultLinks => Main.GetByRole(AriaRole.List).First
        .GetByRole(AriaRole.Heading, new() { Level = 2 })
        .GetByRole(AriaRole.Link);

    /// <summary>Types a word into the header's search box and submits it, as a reader would.</summary>
    public static async Task<SearchResultsPage> SearchAsync(IPage page, string query)
    {
        var box = page.GetByRole(AriaRole.Banner)
            .GetByRole(AriaRole.Search, new() { Name = "站内搜索" })
            .GetByRole(AriaRole.Searchbox, new() { Name = "搜索新闻", Exact = true });
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=" + Regex.Escape(Uri.EscapeDataString(query)) + "$"));
        var results = new SearchResultsPage(page, query);
        await Expect(results.Heading).ToHaveTextAsync("站内搜索");
        await Expect(results.Count).ToContainTextAsync($"“{query}”");
        await Expect(results.ResultLinks.First).ToBeVisibleAsync();
        return results;
    }

    /// <summary>Opens the first result whose headline holds the word and checks the article shows that headline.</summary>
    public async Task<ArticlePage> OpenResultAsync()
    {
        var link = ResultLinks.Filter(new() { HasText = Query }).First;
        var headline = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        var article = new ArticlePage(Page);
        await Expect(article.Heading).ToHaveTextAsync(headline);
        return article;
    }
}
