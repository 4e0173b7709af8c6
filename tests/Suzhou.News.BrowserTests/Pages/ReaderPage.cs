using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>What every public page offers a reader: the channel bar, the main content, the footer.</summary>
public abstract class ReaderPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator ChannelNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "栏目导航" });

    public ILocator CountyNavigation => Page.GetByRole(AriaRole.Navigation, new() { Name = "县区导航" });

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Clicks a channel in the channel bar, the way a reader picks a section.</summary>
    public async Task<ChannelPage> OpenChannelAsync(string name)
    {
        await ChannelNavigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var channel = new ChannelPage(Page, name);
        await channel.ExpectShownAsync(pageNumber: 1);
        return channel;
    }
}

public sealed class HomePage(IPage page) : ReaderPage(page)
{
    public static async Task<HomePage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        var home = new HomePage(page);
        await Expect(page).ToHaveTitleAsync("拂晓新闻网");
        await Expect(home.ChannelNavigation.GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");
        return home;
    }
}
