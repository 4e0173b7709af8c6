using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Channels;

/// <summary>The admins' channel page: renames and hiding reach the public navigation; bad names are refused.</summary>
[Collection(AdministrationSiteCollection.Name)]
public sealed class ChannelAdministrationTests(AdministrationSite site)
{
    readonly NewsApp _app = site.App;

    async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    [Fact]
    public async Task Renamed_and_hidden_channels_show_in_the_public_navigation_at_once()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);
        Assert.Contains("教育", (await _app.CreateReader().GetPageAsync("/")).One("nav.channel-nav").Text());
        var form = await admin.GetPageAsync("/admin/channels");
        string Field(string slug, string name) =>
            form.QuerySelectorAll("tbody tr").Single(r => r.One("code").Text() == "/channel/" + slug).One($"input[name$='.{name}']").GetAttribute("name")!;

        var response = await admin.SubmitAsync("/admin/channels", new Dictionary<string, string>
        {
            [Field("jiaoyu", "Name")] = "教育科技",
            [Field("jiankang", "Hidden")] = "true",
        }, "form.channels-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var nav = (await _app.CreateReader().GetPageAsync("/")).One("nav.channel-nav").Text();
        Assert.Contains("教育科技", nav);
        Assert.DoesNotContain("健康", nav);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateReader().GetAsync("/channel/jiankang")).StatusCode);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ChannelsChanged)));

        await admin.SubmitAsync("/admin/channels", new Dictionary<string, string>
        {
            [Field("jiaoyu", "Name")] = "教育",
            [Field("jiankang", "Hidden")] = "false",
        }, "form.channels-form");
    }

    [Fact]
    public async Task Empty_channel_name_is_refused_next_to_the_field()
    {
        var admin = await _app.SignInAsNewAsync(Roles.Admin);

        var page = await Html.ParseAsync(await admin.SubmitAsync("/admin/channels", new Dictionary<string, string> { ["Rows[0].Name"] = "" }, "form.channels-form"));

        Assert.Contains("不能为空", page.One("[data-valmsg-for='Rows[0].Name']").Text());
        Assert.NotEqual("", await WithDbAsync(db => db.Channels.OrderBy(c => c.Position).Select(c => c.Name).FirstAsync()));
    }
}
