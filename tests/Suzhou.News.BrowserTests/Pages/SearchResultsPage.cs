using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>
/// TODO(search): written against the expected search UI — a search box labelled 搜索 in the header whose form
/// GETs <c>/search?q=</c>, and a list of result links in the main column. Not used by any journey until search
/// lands on main; adjust the locators to the real markup then.
/// </summary>
public sealed class SearchResultsPage(IPage page, string query) : ReaderPage(page)
{
    public string Query { get; } = query;

    public ILocator ResultLinks => Main.GetByRole(AriaRole.List).First.GetByRole(AriaRole.Link);

    /// <summary>Types a word into the header's search box and submits it, as a reader would.</summary>
    public static async Task<SearchResultsPage> SearchAsync(IPage page, string query)
    {
        var box = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox, new() { Name = "搜索" });
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/search\?q=" + Regex.Escape(Uri.EscapeDataString(query))));
        var results = new SearchResultsPage(page, query);
        await Expect(results.ResultLinks.First).ToBeVisibleAsync();
        return results;
    }

    /// <summary>Opens the first result whose headline holds the word and checks the article shows it.</summary>
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
