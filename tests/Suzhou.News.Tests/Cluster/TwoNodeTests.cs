using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Site;

namespace Suzhou.News.Tests.Cluster;

/// <summary>
/// Two web nodes on real ports sharing one database and one Redis: a sign-in, a publish and a settings change on one
/// are seen on the other, and only one of them runs scheduled publishing.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class TwoNodeTests(TwoNodes nodes, ITestOutputHelper output)
{
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
        var bMemory = nodes.B.Services.GetRequiredService<PublicCache>().ContentToken;
        var editor = await nodes.A.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(nodes.A, Title);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.WorkflowAsync(id, "Publish")).StatusCode);

        // The promised latency rests on a push, not on B's memory timing out (its entries live 1–5 minutes): B
        // changes nothing itself, so only A's change notice can drop B's in-memory content.
        var clock = Stopwatch.StartNew();
        var dropped = await Wait.UntilAsync(() => bMemory.HasChanged);
        Assert.True(dropped, $"B never dropped its in-memory content after A published: no change notice arrived in {Wait.Ceiling.TotalMinutes:0} minutes");
        var seen = await PollAsync(async () => (await TextAsync(home, "/")).Contains(Title, StringComparison.Ordinal));
        Assert.True(seen, $"B's home page did not show the article within {Wait.Ceiling.TotalMinutes:0} minutes of the change notice");
        output.WriteLine($"B dropped its memory and showed the article {clock.ElapsedMilliseconds} ms after A's publish (the promise is 2 s on an idle machine)");
    }

    [RedisFact]
    public async Task Site_settings_changed_on_one_node_reach_the_other_nodes_memory_within_two_seconds()
    {
        var reader = nodes.B.CreateReader();
        Assert.Contains("0557—3909502", await FooterAsync(reader)); // B has read the settings and keeps them in memory
        var admin = await nodes.A.SignInAsNewAsync(Roles.Admin);

        var response = await admin.SubmitAsync("/admin/settings", new Dictionary<string, string> { ["Values[ReportPhone]"] = "0557—7654321" }, "form.settings-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // B's settings layer runs on a stopped clock (see ClusterNode.Joining), so it never refreshes by itself:
        // only A's change notice can make B read the new number, however long the wait.
        var clock = Stopwatch.StartNew();
        var seen = await PollAsync(async () => (await FooterAsync(reader)).Contains("0557—7654321", StringComparison.Ordinal));
        Assert.True(seen, $"B's footer kept the old phone number for more than {Wait.Ceiling.TotalMinutes:0} minutes: no change notice reached B's memory");
        output.WriteLine($"B's footer changed {clock.ElapsedMilliseconds} ms after A's save (the promise is 2 s on an idle machine)");
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

        var published = await PollAsync(async () => (await nodes.B.ArticleAsync(id)).Status == ArticleStatus.Published);
        // A few more ticks on both nodes, so a second publisher would have had its chance: counted on the lease
        // holder (both tick every second), not timed, so a slow machine waits longer instead of checking too early.
        var passes = nodes.A.Publisher.PassesRun + nodes.B.Publisher.PassesRun;
        Assert.True(await Wait.UntilAsync(() => nodes.A.Publisher.PassesRun + nodes.B.Publisher.PassesRun >= passes + 3), "the scheduler stopped ticking");

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

    /// <summary>Asks every 100 ms until the condition holds or <see cref="Wait.Ceiling"/> is reached.</summary>
    static Task<bool> PollAsync(Func<Task<bool>> condition) => Wait.UntilAsync(condition);
}
