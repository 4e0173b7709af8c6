using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>What a reader types into 我要爆料.</summary>
public sealed record Tip(string Title, string Body, string County, DateOnly OccurredOn, string Place, string ContactName, string Phone);

/// <summary>我要爆料 at <c>/tips/new</c>: the tip, its place and date, photos, contact details and the consent box.</summary>
public sealed class TipFormPage(IPage page) : ReaderPage(page)
{
    public static async Task<TipFormPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/tips/new");
        var form = new TipFormPage(page);
        await Expect(form.Heading).ToHaveTextAsync("我要爆料");
        return form;
    }

    // Labels carry a "（必填）" marker, so the required fields are found by the start of their label.
    public ILocator Title => Main.GetByLabel("标题");

    public ILocator Body => Main.GetByLabel("事情经过");

    public ILocator County => Main.GetByLabel("所在县区");

    public ILocator OccurredOn => Main.GetByLabel("发生日期");

    public ILocator Place => Main.GetByLabel("具体地点");

    public ILocator Attachments => Main.GetByLabel("附件");

    public ILocator ContactName => Main.GetByLabel("姓名或称呼");

    public ILocator Phone => Main.GetByLabel("电话");

    public ILocator Consent => Main.GetByRole(AriaRole.Checkbox, new() { Name = "我确认所提供的内容真实", Exact = false });

    public ILocator Alert => Main.GetByRole(AriaRole.Alert);

    /// <summary>Sends the form with only a title typed: it comes back with the problems named and the title kept.</summary>
    public async Task SubmitUnfinishedAsync(string title)
    {
        await Title.FillAsync(title);
        await Main.GetByRole(AriaRole.Button, new() { Name = "提交爆料", Exact = true }).ClickAsync();
        await Expect(Alert).ToContainTextAsync("提交没有成功");
        await Expect(Main.GetByText("请写下事情经过", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Main.GetByText("请填写发生地点", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(Title).ToHaveValueAsync(title);
    }

    public async Task FillAsync(Tip tip, string photoName, byte[] photo)
    {
        await Title.FillAsync(tip.Title);
        await Body.FillAsync(tip.Body);
        await County.SelectOptionAsync(new SelectOptionValue { Label = tip.County });
        await OccurredOn.FillAsync(tip.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Place.FillAsync(tip.Place);
        await Attachments.SetInputFilesAsync(new FilePayload { Name = photoName, MimeType = "image/jpeg", Buffer = photo });
        await ContactName.FillAsync(tip.ContactName);
        await Phone.FillAsync(tip.Phone);
        await Consent.CheckAsync();
    }

    /// <summary>Sends the tip; the browser lands on the one-time receipt.</summary>
    public async Task<TipReceiptPage> SubmitAsync()
    {
        await Main.GetByRole(AriaRole.Button, new() { Name = "提交爆料", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/tips/received$"));
        var receipt = new TipReceiptPage(Page);
        await Expect(receipt.Heading).ToHaveTextAsync("您的爆料已收到");
        return receipt;
    }
}

/// <summary>The receipt shown once after a tip: 回执号 and 查询码 in a description list.</summary>
public sealed class TipReceiptPage(IPage page) : ReaderPage(page)
{
    /// <summary>The value next to a term of the receipt's description list.</summary>
    ILocator Value(string term) => Main.Locator("dl.receipt dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]");

    public async Task<(string Number, string Code)> ReadAsync()
    {
        var number = (await Value("回执号").InnerTextAsync()).Trim();
        var code = (await Value("查询码").InnerTextAsync()).Trim();
        Assert.Matches("^BL[0-9]{8}-", number);
        Assert.False(string.IsNullOrWhiteSpace(code), "the receipt shows a lookup code");
        return (number, code);
    }

    public async Task<TipStatusPage> CheckStatusAsync()
    {
        await Main.GetByRole(AriaRole.Link, new() { Name = "查询进度", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/tips/status$"));
        var status = new TipStatusPage(Page);
        await Expect(status.Heading).ToHaveTextAsync("查询爆料进度");
        return status;
    }
}

/// <summary>查询爆料进度 at <c>/tips/status</c>: 回执号 + 查询码 show the current state and its history.</summary>
public sealed class TipStatusPage(IPage page) : ReaderPage(page)
{
    public static async Task<TipStatusPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/tips/status");
        var status = new TipStatusPage(page);
        await Expect(status.Heading).ToHaveTextAsync("查询爆料进度");
        return status;
    }

    public ILocator ReceiptNumber => Main.GetByLabel("回执号");

    public ILocator LookupCode => Main.GetByLabel("查询码");

    public ILocator Result(string number) => Main.GetByRole(AriaRole.Region, new() { Name = "回执号 " + number, Exact = true });

    /// <summary>Looks the tip up and checks the state it is in now.</summary>
    public async Task LookUpAsync(string number, string code, string expectedStatus)
    {
        await ReceiptNumber.FillAsync(number);
        await LookupCode.FillAsync(code);
        await Main.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        var result = Result(number);
        await Expect(result).ToBeVisibleAsync();
        await Expect(result.Locator("dt", new() { HasTextString = "当前状态" }).Locator("xpath=following-sibling::dd[1]"))
            .ToHaveTextAsync(expectedStatus);
        await Expect(result.GetByRole(AriaRole.List)).ToContainTextAsync(expectedStatus);
    }
}
