using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>
/// An article: headline, the 字号 大/中/小 links and the 举报 link in its own toolbar (the header's 阅读设置 has
/// 字号 links too; the journey uses the ones next to the story).
/// </summary>
public sealed class ArticlePage(IPage page) : ReaderPage(page)
{
    public ILocator Body => Main.GetByRole(AriaRole.Article);

    public ILocator TextSize => Body.GetByRole(AriaRole.Group, new() { Name = "字号", Exact = true });

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

    /// <summary>Follows the article's own 举报 link to the report form, which already names this story.</summary>
    public async Task<ReportFormPage> ReportAsync()
    {
        var path = new Uri(Page.Url).AbsolutePath;
        await Body.GetByRole(AriaRole.Link, new() { Name = "举报", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/reports/new\?url="));
        var form = new ReportFormPage(Page);
        await Expect(form.Heading).ToHaveTextAsync("违法和不良信息举报");
        await Expect(form.ReportedUrl).ToHaveValueAsync(new Regex(Regex.Escape(path) + "$"));
        return form;
    }
}
