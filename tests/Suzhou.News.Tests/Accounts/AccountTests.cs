using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Accounts;

/// <summary>Signing in to the newsroom: lockout, one message for every failure, local return URLs, role walls.</summary>
public sealed class AccountTests : IDisposable
{
    readonly NewsApp _app = new(new()
    {
        ["Database:SeedOnStartup"] = "false",
        ["Accounts:MaxFailedAttempts"] = "3",
        ["Bootstrap:AdminEmail"] = "chief@example.cn",
        ["Bootstrap:AdminPassword"] = "first-admin-2026",
    });

    public void Dispose() => _app.Dispose();

    static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task Newsroom_pages_send_anonymous_visitors_to_the_login_page()
    {
        var response = await _app.CreateReader().GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/login", response.Headers.Location!.AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task First_admin_comes_from_the_bootstrap_settings()
    {
        var admin = await _app.SignInAsync("chief@example.cn", "first-admin-2026");

        var audit = await admin.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_message()
    {
        var email = await _app.CreateStaffAsync(Roles.Reporter);
        var client = _app.CreateReader();

        var unknown = await Html.ParseAsync(await client.SubmitAsync("/admin/account/login", Credentials("nobody@example.cn", Staff.Password)));
        var wrong = await Html.ParseAsync(await client.SubmitAsync("/admin/account/login", Credentials(email, "not-the-password")));

        Assert.Equal(LoginModelMessage, unknown.One(".form-errors").Text());
        Assert.Equal(LoginModelMessage, wrong.One(".form-errors").Text());
        Assert.Equal(email, wrong.One("input[name='Input.Email']").GetAttribute("value"));
    }

    const string LoginModelMessage = Suzhou.News.Areas.Admin.Pages.Account.LoginModel.WrongCredentials;

    [Fact]
    public async Task Account_locks_after_the_configured_failures_even_for_the_right_password()
    {
        var email = await _app.CreateStaffAsync(Roles.Editor);
        var client = _app.CreateReader();
        for (var i = 0; i < 3; i++)
        {
            await client.SubmitAsync("/admin/account/login", Credentials(email, "wrong-" + i));
        }

        var response = await client.SubmitAsync("/admin/account/login", Credentials(email, Staff.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("锁定", (await Html.ParseAsync(response)).One(".form-errors").Text());
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        // The third failure is the one that locks.
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.LoginFailed && e.UserName == email));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.LockedOut && e.UserName == email));
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task Login_never_returns_to_another_site(string returnUrl)
    {
        var email = await _app.CreateStaffAsync(Roles.Reporter);
        var client = _app.CreateReader();

        var response = await client.SubmitAsync("/admin/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), Credentials(email, Staff.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_returns_to_the_local_page_it_came_from()
    {
        var email = await _app.CreateStaffAsync(Roles.Reporter);

        var response = await _app.CreateReader().SubmitAsync("/admin/account/login?returnUrl=%2Fadmin%2Faccount%2Fchangepassword", Credentials(email, Staff.Password));

        Assert.Equal("/admin/account/changepassword", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reporter_is_refused_the_admin_only_audit_log()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);

        var response = await reporter.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await reporter.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("没有权限", (await Html.ParseAsync(denied)).One("h1").Text());
    }

    [Fact]
    public async Task Newsroom_pages_are_never_stored_by_browsers_or_proxies()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);

        var response = await editor.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Changed_password_works_at_the_next_sign_in_and_the_old_one_does_not()
    {
        var email = await _app.CreateStaffAsync(Roles.Reporter);
        var client = await _app.SignInAsync(email);

        var response = await client.SubmitAsync("/admin/account/changepassword", new Dictionary<string, string>
        {
            ["Input.Current"] = Staff.Password,
            ["Input.New"] = "brand-new-2027",
            ["Input.Confirm"] = "brand-new-2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await client.SubmitAsync("/admin", new Dictionary<string, string>(), "form.logout-form");

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
        var old = await _app.CreateReader().SubmitAsync("/admin/account/login", Credentials(email, Staff.Password));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await _app.SignInAsync(email, "brand-new-2027");
    }

    [Fact]
    public async Task Change_password_explains_mismatch_in_chinese_next_to_the_field()
    {
        var client = await _app.SignInAsNewAsync(Roles.Reporter);

        var page = await Html.ParseAsync(await client.SubmitAsync("/admin/account/changepassword", new Dictionary<string, string>
        {
            ["Input.Current"] = Staff.Password,
            ["Input.New"] = "brand-new-2027",
            ["Input.Confirm"] = "brand-new-2028",
        }));

        Assert.Equal("两次输入的新密码不一致", page.One("[data-valmsg-for='Input.Confirm']").Text());
    }

    [Fact]
    public async Task Logout_is_refused_without_the_antiforgery_token()
    {
        var client = await _app.SignInAsNewAsync(Roles.Reporter);

        var forged = await client.PostAsync("/admin/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Two_factor_setup_shows_a_key_and_refuses_a_wrong_code()
    {
        var client = await _app.SignInAsNewAsync(Roles.Editor);

        var page = await client.GetPageAsync("/admin/account/twofactor");
        Assert.Matches("^[a-z2-7 ]{20,}$", page.One(".shared-key").Text());
        Assert.StartsWith("data:image/svg+xml;base64,", page.One("img.totp-qr").GetAttribute("src"));

        var wrong = await Html.ParseAsync(await client.SubmitAsync("/admin/account/twofactor", new Dictionary<string, string> { ["Code"] = "000000" }));
        Assert.Contains("验证码不正确", wrong.One("[data-valmsg-for='Code']").Text());
    }
}
