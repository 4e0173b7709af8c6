using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>An article: headline, the 字号 大/中/小 links and the 举报 link in its toolbar.</summary>
public sealed class ArticlePage(IPage page) : ReaderPage(page)
{
    /// <summary>The story's own 字号 links (the top bar has a second set for every page).</summary>
    public ILocator TextSize => Page.GetByRole(AriaRole.Article).GetByRole(AriaRole.Group, new() { Name = "字号" });

    public ILocator Body => Main.GetByRole(AriaRole.Article);

    /// <summary>Picks a text size (大, 中 or 小); the page comes back with that size marked current.</summary>
    public async Task ChooseTextSizeAsync(string size)
    {
        var url = Page.Url;
        var link = TextSize.GetByRole(AriaRole.Link, new() { Name = "字号" + size, Exact = true });
        await link.ClickAsync();
        await Expect(Page).ToHaveURLAsync(url);
        await Expect(link).ToHaveAttributeAsync("aria-current", "true");
    }

    /// <summary>The larger text really is larger: the body copy's computed font size in pixels.</summary>
    public async Task<double> BodyFontSizeAsync() =>
        await Page.Locator(".article-body").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    /// <summary>
    /// Follows the article's own 举报 link to the report form, which names this story already, then the form's
    /// link to the report section of the contact page (phone and email).
    /// </summary>
    public async Task<ContactPage> ReportAsync(Func<Task>? onForm = null)
    {
        var path = new Uri(Page.Url).AbsolutePath;
        await Body.GetByRole(AriaRole.Link, new() { Name = "举报", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/reports/new\\?url="));
        await Expect(Page.GetByLabel("被举报的网址或文章")).ToHaveValueAsync(new Regex(Regex.Escape(path) + "$"));
        if (onForm is not null)
        {
            await onForm();
        }
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "联系我们" }).Last.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/contact#report$"));
        var contact = new ContactPage(Page);
        await Expect(contact.ReportSection).ToBeInViewportAsync();
        return contact;
    }
}
