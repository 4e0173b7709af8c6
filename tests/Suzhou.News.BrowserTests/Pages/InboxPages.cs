using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>线索与举报 at <c>/admin/inbox</c>: a table of tips and reports, each row led by its receipt number.</summary>
public sealed class InboxPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Table => Main.GetByRole(AriaRole.Table);

    /// <summary>Follows 线索与举报 in the newsroom menu.</summary>
    public static async Task<InboxPage> OpenFromMenuAsync(DashboardPage dashboard)
    {
        await dashboard.Menu.GetByRole(AriaRole.Link, new() { Name = "线索与举报", Exact = true }).ClickAsync();
        var inbox = new InboxPage(dashboard.Page);
        await Expect(inbox.Heading).ToHaveTextAsync("线索与举报");
        return inbox;
    }

    public ILocator Row(string receiptNumber) => Table.GetByRole(AriaRole.Row).Filter(new()
    {
        Has = Page.GetByRole(AriaRole.Link, new() { Name = receiptNumber, Exact = true }),
    });

    public async Task<InboxItemPage> OpenAsync(string receiptNumber)
    {
        await Row(receiptNumber).GetByRole(AriaRole.Link, new() { Name = receiptNumber, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/inbox/[0-9]+$"));
        var item = new InboxItemPage(Page);
        await Expect(item.Heading).ToContainTextAsync(receiptNumber);
        return item;
    }
}

/// <summary>One tip in the inbox: its facts, attachments, history and the 处理 forms (分派给记者 among them).</summary>
public sealed class InboxItemPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Flash => Main.GetByRole(AriaRole.Status);

    public ILocator Actions => Main.GetByRole(AriaRole.Region, new() { Name = "处理", Exact = true });

    /// <summary>The value next to a term of the facts list (状态, 负责记者, …).</summary>
    public ILocator Fact(string term) => Main.Locator("dl.inbox-facts dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]");

    public ILocator Attachment(string fileName) => Main.GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true });

    /// <summary>Downloads an attachment the way staff open one (the inbox never shows it inline); returns its bytes.</summary>
    public async Task<byte[]> DownloadAsync(string fileName)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Attachment(fileName).ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>Picks the reporter under 分派给记者 and presses 分派; the page comes back saying so.</summary>
    public async Task AssignAsync(string reporterName)
    {
        await Actions.GetByLabel("分派给记者").SelectOptionAsync(new SelectOptionValue { Label = reporterName });
        await Actions.GetByRole(AriaRole.Button, new() { Name = "分派", Exact = true }).ClickAsync();
        await Expect(Flash).ToHaveTextAsync($"已分派给 {reporterName}");
        await Expect(Fact("负责记者")).ToHaveTextAsync(reporterName);
    }
}
