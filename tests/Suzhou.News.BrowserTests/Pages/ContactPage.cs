using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>联系我们, with the 违法和不良信息举报 section the 举报 links point at.</summary>
public sealed class ContactPage(IPage page) : ReaderPage(page)
{
    public ILocator ReportSection => Main.GetByRole(AriaRole.Region, new() { Name = "违法和不良信息举报" });

    public async Task ExpectReportChannelsAsync()
    {
        await Expect(ReportSection).ToContainTextAsync("举报电话");
        await Expect(ReportSection).ToContainTextAsync("举报邮箱");
        await Expect(ReportSection.GetByRole(AriaRole.Link, new() { Name = "zgfxnews@163.com" })).ToBeVisibleAsync();
    }
}

/// <summary>违法和不良信息举报 at <c>/reports/new</c>: the form an article's 举报 link opens, filled with the story's address.</summary>
public sealed class ReportFormPage(IPage page) : ReaderPage(page)
{
    public ILocator ReportedUrl => Main.GetByLabel("被举报的网址或文章");

    /// <summary>The form's closing note points to the phone and mail channels on 联系我们.</summary>
    public async Task<ContactPage> OpenOtherChannelsAsync()
    {
        await Main.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = "举报电话" })
            .GetByRole(AriaRole.Link, new() { Name = "联系我们", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/contact#report$"));
        var contact = new ContactPage(Page);
        await Expect(contact.ReportSection).ToBeInViewportAsync();
        return contact;
    }
}
