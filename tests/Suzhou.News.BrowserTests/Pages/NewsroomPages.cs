using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>The newsroom sign-in form at <c>/admin/account/login</c>.</summary>
public sealed class LoginPage(IPage page)
{
    public IPage Page { get; } = page;

    public static async Task<LoginPage> OpenAsync(IPage page)
    {
        await page.GotoAsync("/admin/account/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("采编系统登录");
        return new LoginPage(page);
    }

    public ILocator Email => Page.GetByLabel("邮箱", new() { Exact = true });

    public ILocator Password => Page.GetByLabel("密码", new() { Exact = true });

    public ILocator Errors => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert);

    public async Task<DashboardPage> SignInAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/?$"));
        var dashboard = new DashboardPage(Page);
        await Expect(dashboard.Heading).ToHaveTextAsync("工作台");
        return dashboard;
    }

    /// <summary>A wrong password: the form comes back with a message and keeps the email typed.</summary>
    public async Task SignInRefusedAsync(string email, string wrongPassword)
    {
        await SubmitAsync(email, wrongPassword);
        await Expect(Errors).ToBeVisibleAsync();
        await Expect(Email).ToHaveValueAsync(email);
    }

    async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }
}

/// <summary>The newsroom's 工作台 at <c>/admin</c>, with the 采编菜单.</summary>
public sealed class DashboardPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Menu => Page.GetByRole(AriaRole.Navigation, new() { Name = "采编菜单" });

    public ILocator Greeting => Page.GetByRole(AriaRole.Main).GetByText("您好");
}
