using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>A channel's story list with numbered pages.</summary>
public sealed class ChannelPage(IPage page, string name) : ReaderPage(page)
{
    public string Name { get; } = name;

    public ILocator Pagination => Main.GetByRole(AriaRole.Navigation, new() { Name = "分页" });

    /// <summary>The story headlines of the list (the first list in the main column; the sidebar has its own).</summary>
    public ILocator StoryLinks => Main.GetByRole(AriaRole.List).First
        .GetByRole(AriaRole.Heading, new() { Level = 2 })
        .GetByRole(AriaRole.Link);

    public async Task ExpectShownAsync(int pageNumber)
    {
        await Expect(Heading).ToHaveTextAsync(Name);
        await Expect(ChannelNavigation.GetByRole(AriaRole.Link, new() { Name = Name, Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");
        await Expect(Pagination).ToContainTextAsync($"第 {pageNumber} 页，共");
        await Expect(StoryLinks.First).ToBeVisibleAsync();
    }

    /// <summary>Follows the numbered link to another page of the list.</summary>
    public async Task GoToPageAsync(int number)
    {
        await Pagination.GetByRole(AriaRole.Link, new() { Name = $"第 {number} 页", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"[?&]page={number}(&|$)"));
        await ExpectShownAsync(number);
    }

    /// <summary>The list's link to the story with this headline.</summary>
    public ILocator StoryLink(string headline) => Main.GetByRole(AriaRole.List).First
        .GetByRole(AriaRole.Heading, new() { Level = 2 })
        .GetByRole(AriaRole.Link, new() { Name = headline, Exact = true });

    /// <summary>Opens the story at this position in the list and checks the article page shows the same headline.</summary>
    public async Task<ArticlePage> OpenStoryAsync(int index) => await OpenAsync(StoryLinks.Nth(index));

    /// <summary>Opens the story with this headline and checks the article page shows it.</summary>
    public async Task<ArticlePage> OpenStoryAsync(string headline) => await OpenAsync(StoryLink(headline));

    async Task<ArticlePage> OpenAsync(ILocator link)
    {
        var headline = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        var article = new ArticlePage(Page);
        await Expect(article.Heading).ToHaveTextAsync(headline);
        return article;
    }
}
