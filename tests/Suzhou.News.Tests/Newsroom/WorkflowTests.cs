using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;
using static Suzhou.News.Tests.Infrastructure.ArticleForms;
using Suzhou.News.Articles;
using Suzhou.News.Site;

namespace Suzhou.News.Tests.Newsroom;

/// <summary>草稿 → 待审 → 已排期 → 已发布 → 已撤回, corrections and the recycle bin, with role walls.</summary>
[Collection(NewsroomSiteCollection.Name)]
public sealed class WorkflowTests(NewsroomSite site)
{
    readonly ClockedNewsApp _app = site.App;

    [Fact]
    public async Task Reporter_cannot_publish_by_posting_directly_to_the_workflow_page()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var id = await reporter.WriteAsync(_app, "记者想直接发布");

        var page = await reporter.GetAsync(WorkflowUrl(id));
        var post = await reporter.PostWithTokenAsync(EditUrl(id), WorkflowUrl(id) + "?handler=Publish", new Dictionary<string, string>());
        var delete = await reporter.PostWithTokenAsync(EditUrl(id), $"/admin/articles/{id}/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/admin/account/denied", post.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/admin/account/denied", delete.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        var article = await _app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.FirstPublishedAt);
        Assert.False(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Target == $"article:{article.Number}")));
    }

    [Fact]
    public async Task Reporter_submits_for_review_and_the_step_records_who_and_when()
    {
        var email = await _app.CreateStaffAsync(Roles.Reporter, name: "王敏");
        var reporter = await _app.SignInAsync(email);
        var id = await reporter.WriteAsync(_app, "送审的稿件");

        var response = await reporter.SubmitAsync(EditUrl(id), new Dictionary<string, string>(), "form.article-form", submitName: "submit-review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ArticleStatus.InReview, (await _app.ArticleAsync(id)).Status);
        var page = await reporter.GetPageAsync(EditUrl(id));
        Assert.Contains("王敏： 草稿 → 待审", page.One("ol.history").Text());
    }

    [Fact]
    public async Task Publishing_shows_the_article_on_the_front_page_straight_away()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "宿州至上海高铁加开夜班车");
        Assert.DoesNotContain("宿州至上海高铁加开夜班车", (await _app.CreateReader().GetPageAsync("/")).Body.Text());

        var response = await editor.WorkflowAsync(id, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reader = _app.CreateReader();
        Assert.Contains("宿州至上海高铁加开夜班车", (await reader.GetPageAsync("/")).Body.Text());
        var url = await _app.PublicUrlAsync(id);
        Assert.Equal("宿州至上海高铁加开夜班车", (await reader.GetPageAsync(url)).One("h1#article-title").Text());
        var article = await _app.ArticleAsync(id);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, article.FirstPublishedAt!.Value, TimeSpan.FromSeconds(1));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Publish && e.Target == $"article:{article.Number}")));
    }

    [Fact]
    public async Task Scheduled_article_goes_out_when_the_clock_reaches_its_time()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "定时发布的消息");
        var at = BeijingTime.FromUtc(_app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30));

        var response = await editor.WorkflowAsync(id, "Schedule", new() { ["PublishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ArticleStatus.Scheduled, (await _app.ArticleAsync(id)).Status);
        var scheduler = _app.Services.GetRequiredService<ScheduledPublisher>();
        await scheduler.TickAsync(default);
        Assert.Equal(ArticleStatus.Scheduled, (await _app.ArticleAsync(id)).Status);
        Assert.DoesNotContain("定时发布的消息", (await _app.CreateReader().GetPageAsync("/")).Body.Text());

        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        await scheduler.TickAsync(default);

        Assert.Equal(ArticleStatus.Published, (await _app.ArticleAsync(id)).Status);
        Assert.Contains("定时发布的消息", (await _app.CreateReader().GetPageAsync("/")).Body.Text());
        Assert.True(await _app.QueryAsync(db => db.ArticleEvents.AnyAsync(e => e.ArticleId == id && e.To == ArticleStatus.Published && e.UserName == "定时发布")));
    }

    [Fact]
    public async Task Schedule_in_the_past_is_refused_in_chinese()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "排期时间有误");

        var response = await editor.WorkflowAsync(id, "Schedule", new() { ["PublishAt"] = "2020-01-01T08:00" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("排期时间须晚于现在", (await Html.ParseAsync(response)).One(".form-errors").Text());
        Assert.Equal(ArticleStatus.Draft, (await _app.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Scheduled_article_that_fell_due_while_the_site_was_down_goes_out_at_start()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "停机期间到期的稿件");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, ArticleStatus.Scheduled)
                .SetProperty(a => a.PublishAt, DateTime.UtcNow.AddMinutes(-10)));
        }

        // A second start of the site on the same data folder, with the real clock.
        using var restarted = new NewsApp(new() { ["Storage:DataPath"] = _app.DataPath, ["Database:SeedOnStartup"] = "false" });
        _ = restarted.Server;

        Assert.Equal(ArticleStatus.Published, (await _app.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Retracting_removes_the_article_from_the_front_page_and_its_address()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "需要撤回的报道");
        await editor.WorkflowAsync(id, "Publish");
        var url = await _app.PublicUrlAsync(id);

        var missingReason = await editor.WorkflowAsync(id, "Retract", new() { ["Reason"] = "" });
        Assert.Contains("撤回须写明原因", (await Html.ParseAsync(missingReason)).One("[data-valmsg-for='Reason']").Text());
        var response = await editor.WorkflowAsync(id, "Retract", new() { ["Reason"] = "事实有误，待核实" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reader = _app.CreateReader();
        Assert.DoesNotContain("需要撤回的报道", (await reader.GetPageAsync("/")).Body.Text());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);
        var article = await _app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Retracted, article.Status);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Retract && e.Target == $"article:{article.Number}" && e.Detail.Contains("事实有误"))));
    }

    [Fact]
    public async Task Correction_is_appended_with_time_and_reason_on_the_article()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "需要更正的报道");
        await editor.WorkflowAsync(id, "Publish");

        await editor.WorkflowAsync(id, "Correct", new() { ["Reason"] = "第二段“12 日”应为“13 日”，特此更正。" });

        var page = await _app.CreateReader().GetPageAsync(await _app.PublicUrlAsync(id));
        var correction = page.One(".corrections li").Text();
        Assert.Contains("第二段“12 日”应为“13 日”", correction);
        Assert.Contains(BeijingTime.Format(_app.Clock.GetUtcNow().UtcDateTime), correction);
    }

    [Fact]
    public async Task Delete_asks_first_goes_to_the_recycle_bin_and_restores_as_a_draft()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "要删除的已发布稿件");
        await editor.WorkflowAsync(id, "Publish");
        var url = await _app.PublicUrlAsync(id);

        var confirm = await editor.GetPageAsync($"/admin/articles/{id}/delete");
        Assert.Contains("删除稿件", confirm.One("h1").Text());
        Assert.Equal(ArticleStatus.Published, (await _app.ArticleAsync(id)).Status);
        var deleted = await editor.SubmitAsync($"/admin/articles/{id}/delete", new Dictionary<string, string> { ["Reason"] = "重复稿" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(ArticleStatus.Deleted, (await _app.ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateReader().GetAsync(url)).StatusCode);
        Assert.DoesNotContain("要删除的已发布稿件", (await editor.GetPageAsync("/admin/articles")).One("table.article-table").Text());
        var trash = await editor.GetPageAsync("/admin/articles/trash");
        Assert.Contains("重复稿", trash.Body.Text());

        var restored = await editor.SubmitAsync("/admin/articles/trash", new Dictionary<string, string>(), $"form[action*='id={id}']");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(ArticleStatus.Draft, (await _app.ArticleAsync(id)).Status);
        var number = (await _app.ArticleAsync(id)).Number;
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Delete && e.Target == $"article:{number}")));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Restore && e.Target == $"article:{number}")));
    }

    [Fact]
    public async Task Republishing_a_retracted_article_keeps_its_address()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "撤回后重新发布");
        await editor.WorkflowAsync(id, "Publish");
        var url = await _app.PublicUrlAsync(id);
        await editor.WorkflowAsync(id, "Retract", new() { ["Reason"] = "暂时撤下" });
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        await editor.WorkflowAsync(id, "Publish");

        Assert.Equal(url, await _app.PublicUrlAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateReader().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Editing_a_published_article_updates_the_public_page_and_stamps_the_update_time()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "发布后修改的报道", "原来的第一段。");
        await editor.WorkflowAsync(id, "Publish");
        var url = await _app.PublicUrlAsync(id);
        Assert.Contains("原来的第一段", (await _app.CreateReader().GetPageAsync(url)).One(".article-body").Text());

        await editor.SubmitAsync(EditUrl(id), new Dictionary<string, string> { ["Input.Body"] = "补充了最新进展的第一段。" }, "form.article-form");

        var page = await _app.CreateReader().GetPageAsync(url);
        Assert.Contains("补充了最新进展", page.One(".article-body").Text());
        Assert.Contains("更新时间", page.One(".article-updated").Text());
    }

    [Fact]
    public async Task Reporter_cannot_change_their_article_once_an_editor_published_it()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var id = await reporter.WriteAsync(_app, "记者稿件已发布");
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        await editor.WorkflowAsync(id, "Publish");

        var page = await reporter.GetPageAsync(EditUrl(id));
        var post = await reporter.PostWithTokenAsync(EditUrl(id), EditUrl(id), new Dictionary<string, string>
        {
            ["Input.Title"] = "发布后记者偷偷改标题",
            ["Input.ChannelId"] = (await _app.ChannelIdAsync()).ToString(CultureInfo.InvariantCulture),
            ["Version"] = page.One("input[name=Version]").GetAttribute("value")!,
        });

        Assert.Contains("不能保存", page.One(".notice").Text());
        Assert.Empty(page.QuerySelectorAll("form.article-form button.primary"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/admin/account/denied", post.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("记者稿件已发布", (await _app.ArticleAsync(id)).Title);
    }
}
