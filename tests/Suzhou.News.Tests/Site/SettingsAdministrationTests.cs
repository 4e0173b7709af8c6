using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Site;

/// <summary>The admins' site settings page: overrides reach the public pages; bad values are refused beside the field.</summary>
[Collection(AdministrationSiteCollection.Name)]
public sealed class SettingsAdministrationTests(AdministrationSite site)
{
    readonly NewsApp _app = site.App;

    async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    [Fact]
    public async Task Changed_report_phone_appears_in_the_footer_and_changing_it_back_follows_configuration_again()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);
        Assert.Contains("0557—3909502", (await _app.CreateReader().GetPageAsync("/contact")).Body.Text());

        var response = await admin.SubmitAsync("/admin/settings", new Dictionary<string, string> { ["Values[ReportPhone]"] = "0557—1234567" }, "form.settings-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var footer = (await _app.CreateReader().GetPageAsync("/")).One("footer").Text();
        Assert.Contains("0557—1234567", footer);
        var settings = await admin.GetPageAsync("/admin/settings");
        Assert.Contains("后台修改", settings.One("#setting-ReportPhone-source").Text());

        await admin.SubmitAsync("/admin/settings", new Dictionary<string, string> { ["Values[ReportPhone]"] = "0557—3909502" }, "form.settings-form");

        Assert.False(await WithDbAsync(db => db.SiteSettings.AnyAsync()));
        Assert.Contains("0557—3909502", (await _app.CreateReader().GetPageAsync("/")).One("footer").Text());
        Assert.Equal(2, await WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.SettingsChanged)));
    }

    [Fact]
    public async Task Invalid_settings_are_refused_next_to_the_field_and_keep_what_was_typed()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);

        var page = await Html.ParseAsync(await admin.SubmitAsync("/admin/settings", new Dictionary<string, string>
        {
            ["Values[Postcode]"] = "2340",
            ["Values[ReportEmail]"] = "not-an-email",
            ["Values[Address]"] = "宿州市新地址 1 号",
        }, "form.settings-form"));

        Assert.Contains("6 位数字", page.One("[data-valmsg-for='Values[Postcode]']").Text());
        Assert.Contains("邮箱", page.One("[data-valmsg-for='Values[ReportEmail]']").Text());
        Assert.Equal("宿州市新地址 1 号", page.One("#setting-Address").GetAttribute("value"));
        Assert.False(await WithDbAsync(db => db.SiteSettings.AnyAsync()));
    }
}
