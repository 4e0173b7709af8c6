using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Tests.Infrastructure;
using Suzhou.News.Tests.Newsroom;

namespace Suzhou.News.Tests.Cluster;

/// <summary>
/// Two web nodes on real ports sharing one database and one Redis: a sign-in, a publish and a settings change on one
/// are seen on the other, and only one of them runs scheduled publishing.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class TwoNodeTests(TwoNodes nodes)
{
    static readonly TimeSpan SeenWithin = TimeSpan.FromSeconds(2);

    [RedisFact]
    public async Task A_sign_in_on_one_node_is_honoured_by_the_other()
    {
        var email = await nodes.A.CreateStaffAsync(Roles.Editor, name: "跨节点编辑");
        var login = await nodes.A.CreateReader().SubmitAsync("/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sn.auth=", StringComparison.Ordinal)).Split(';')[0];

        var onB = nodes.B.CreateReader();
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await onB.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("跨节点编辑", (await Html.ParseAsync(response)).Body!.TextContent);
        // The keys are in the database; neither node's own keys folder has any.
        Assert.True(await nodes.A.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.All(Directory.GetDirectories(nodes.A.DataPath, "keys*"), folder => Assert.Empty(Directory.GetFiles(folder)));
    }

    [RedisFact]
    public async Task Article_published_on_one_node_is_on_the_other_nodes_home_page_within_two_seconds()
    {
        const string Title = "跨节点发布：宿州至合肥城际列车加密";
        var home = nodes.B.CreateReader();
        // B has its home page in the (shared) output cache and its sidebar in memory before the publish.
        Assert.DoesNotContain(Title, await TextAsync(home, "/"));
        Assert.DoesNotContain(Title, await TextAsync(home, "/"));
        var editor = await nodes.A.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(nodes.A, Title);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.WorkflowAsync(id, "Publish")).StatusCode);

        var seen = await PollAsync(async () => (await TextAsync(home, "/")).Contains(Title, StringComparison.Ordinal));
        Assert.True(seen, $"B's home page did not show the article within {SeenWithin.TotalSeconds} s");
    }

    [RedisFact]
    public async Task Site_settings_changed_on_one_node_reach_the_other_nodes_memory_within_two_seconds()
    {
        var reader = nodes.B.CreateReader();
        Assert.Contains("0557—3909502", await FooterAsync(reader)); // B has read the settings and keeps them in memory
        var admin = await nodes.A.SignInAsNewAsync(Roles.Admin);

        var response = await admin.SubmitAsync("/admin/settings", new Dictionary<string, string> { ["Values[ReportPhone]"] = "0557—7654321" }, "form.settings-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var seen = await PollAsync(async () => (await FooterAsync(reader)).Contains("0557—7654321", StringComparison.Ordinal));
        Assert.True(seen, $"B's footer kept the old phone number for more than {SeenWithin.TotalSeconds} s");
        await admin.SubmitAsync("/admin/settings", new Dictionary<string, string> { ["Values[ReportPhone]"] = "0557—3909502" }, "form.settings-form");
    }

    [RedisFact]
    public async Task A_scheduled_article_is_published_once_by_exactly_one_of_the_running_nodes()
    {
        // Both nodes tick every second; the one that started first holds the lease.
        _ = nodes.B;
        var editor = await nodes.A.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(nodes.A, "两台节点同时在线时的定时稿件");
        await nodes.A.QueryAsync(db => db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, ArticleStatus.Scheduled)
            .SetProperty(a => a.PublishAt, DateTime.UtcNow)));

        var published = await PollAsync(async () => (await nodes.B.ArticleAsync(id)).Status == ArticleStatus.Published, TimeSpan.FromSeconds(15));
        // A few more ticks on both nodes, so a second publisher would have had its chance.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.True(published);
        var events = await nodes.A.QueryAsync(db => db.ArticleEvents.CountAsync(e => e.ArticleId == id && e.To == ArticleStatus.Published));
        Assert.Equal(1, events);
        var running = new[] { nodes.A, nodes.B }.Where(n => n.Publisher.PassesRun > 0).Select(n => n.Name).ToList();
        Assert.Single(running);
    }

    [RedisFact]
    public void Both_nodes_keep_their_output_cache_in_redis()
    {
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            Assert.Contains("Redis", node.Services.GetRequiredService<IOutputCacheStore>().GetType().Name, StringComparison.Ordinal);
        }
    }

    static async Task<string> TextAsync(HttpClient client, string url) => (await client.GetPageAsync(url)).Body!.TextContent;

    static async Task<string> FooterAsync(HttpClient client) => (await client.GetPageAsync("/")).One("footer").Text();

    /// <summary>Asks every 100 ms until the condition holds or the time is up.</summary>
    static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (clock.Elapsed > (within ?? SeenWithin))
            {
                return false;
            }
            await Task.Delay(100);
        }
    }
}
