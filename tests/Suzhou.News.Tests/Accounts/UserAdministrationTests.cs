using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Accounts;

/// <summary>Admin-only pages: users and roles. Each admin page (users, channels, settings) is refused to editors and reporters.</summary>
[Collection(AdministrationSiteCollection.Name)]
public sealed class UserAdministrationTests(AdministrationSite site)
{
    readonly NewsApp _app = site.App;

    async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    async Task<string> IdOfAsync(string email) => await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory]
    [InlineData(Roles.Reporter, "/admin/users")]
    [InlineData(Roles.Editor, "/admin/users")]
    [InlineData(Roles.Editor, "/admin/users/new")]
    [InlineData(Roles.Editor, "/admin/channels")]
    [InlineData(Roles.Reporter, "/admin/settings")]
    [InlineData(Roles.Editor, "/admin/settings")]
    public async Task Admin_pages_are_refused_to_other_roles(string role, string url)
    {
        var client = await _app.SignInAsNewAsync(role);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/account/denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Editor_cannot_post_a_role_change_even_with_a_valid_token()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var reporterEmail = await _app.CreateStaffAsync(Roles.Reporter);
        var id = await IdOfAsync(reporterEmail);

        var response = await editor.PostWithTokenAsync("/admin", $"/admin/users/edit/{id}?handler=Roles", new Dictionary<string, string>
        {
            ["Roles"] = Roles.Admin,
            ["Confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/account/denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([Roles.Reporter], await RolesOfAsync(reporterEmail));
    }

    [Fact]
    public async Task Admin_creates_an_account_with_a_generated_password_shown_once_that_signs_in()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);

        var page = await Html.ParseAsync(await admin.SubmitAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Input.Email"] = "wang.fang@example.cn",
            ["Input.DisplayName"] = "王芳",
            ["Input.Role"] = Roles.Reporter,
            ["Input.Password"] = "",
        }, "form.new-user-form"));

        var password = page.One(".generated-password").Text();
        Assert.Equal(16, password.Length);
        await _app.SignInAsync("wang.fang@example.cn", password);
        Assert.Equal([Roles.Reporter], await RolesOfAsync("wang.fang@example.cn"));
        var list = await admin.GetPageAsync("/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains("wang.fang@example.cn", StringComparison.Ordinal));
        Assert.Equal("记者", row.One(".user-roles").Text());
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UserCreated && e.Target == "user:wang.fang@example.cn")));
    }

    [Fact]
    public async Task Creating_an_account_with_a_taken_email_explains_next_to_the_field_and_keeps_the_name()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);
        var taken = await _app.CreateStaffAsync(Roles.Reporter);

        var page = await Html.ParseAsync(await admin.SubmitAsync("/admin/users/new", new Dictionary<string, string>
        {
            ["Input.Email"] = taken,
            ["Input.DisplayName"] = "赵磊",
            ["Input.Role"] = Roles.Editor,
        }, "form.new-user-form"));

        Assert.Contains("已有账户", page.One("[data-valmsg-for='Input.Email']").Text());
        Assert.Equal("赵磊", page.One("input[name='Input.DisplayName']").GetAttribute("value"));
    }

    [Fact]
    public async Task Role_change_takes_effect_only_after_the_confirmation_and_is_audited()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);
        var email = await _app.CreateStaffAsync(Roles.Reporter);
        var url = $"/admin/users/edit/{await IdOfAsync(email)}";

        var confirm = await Html.ParseAsync(await admin.SubmitAsync(url, new Dictionary<string, string> { ["Roles"] = Roles.Editor }, "form.roles-form"));
        Assert.Equal([Roles.Reporter], await RolesOfAsync(email));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)confirm.One("form.roles-confirm");
        Assert.Contains("编辑", form.Text());

        var response = await admin.SubmitAsync(form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.Editor], await RolesOfAsync(email));
        var entry = await WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.RolesChanged && e.Target == $"user:{email}"));
        Assert.Equal("+Editor,-Reporter", entry.Detail);
    }

    [Fact]
    public async Task Admin_cannot_remove_their_own_admin_role()
    {
        var email = await _app.CreateStaffAsync(Roles.Admin);
        var admin = await _app.SignInAsync(email);
        var url = $"/admin/users/edit/{await IdOfAsync(email)}";

        var forged = await admin.PostWithTokenAsync(url, url + "?handler=Roles", new Dictionary<string, string>
        {
            ["Roles"] = Roles.Editor,
            ["Confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("不能取消自己的管理员角色", (await Html.ParseAsync(forged)).One("[data-valmsg-for='Roles']").Text());
        Assert.Contains(Roles.Admin, await RolesOfAsync(email));
    }

    [Fact]
    public async Task Admin_unlocks_a_locked_account_and_resets_its_password()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);
        var email = await _app.CreateStaffAsync(Roles.Reporter);
        for (var i = 0; i < 2; i++)
        {
            await _app.CreateReader().SubmitAsync("/admin/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "wrong-" + i });
        }
        var url = $"/admin/users/edit/{await IdOfAsync(email)}";
        var page = await admin.GetPageAsync(url);
        Assert.StartsWith("已锁定", page.One("dd.user-state").Text(), StringComparison.Ordinal);

        await admin.SubmitAsync(url, new Dictionary<string, string>(), "form.unlock-form");
        var reset = await Html.ParseAsync(await admin.SubmitAsync(url, new Dictionary<string, string>(), "form.reset-form"));
        var password = reset.One(".generated-password").Text();

        Assert.Equal("正常", reset.One("dd.user-state").Text());
        await _app.SignInAsync(email, password);
        var old = await _app.CreateReader().SubmitAsync("/admin/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Staff.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccountUnlocked && e.Target == $"user:{email}")));
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PasswordReset && e.Target == $"user:{email}")));
    }
}
