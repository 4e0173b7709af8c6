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
