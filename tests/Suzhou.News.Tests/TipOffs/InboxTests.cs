using System.Net;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.TipOffs;

/// <summary>The staff inbox: who sees what, the files, the status flow, stored XSS, the tip → article link.</summary>
[Collection(TipOffSiteCollection.Name)]
public sealed class InboxTests(TipOffSite site)
{
    readonly NewsApp _app = site.App;

    sealed record Sent(int Id, string Number, string Code, HttpClient Sender);

    async Task<Sent> SendAsync(string page, Dictionary<string, string> fields, IReadOnlyList<FormFile>? files = null)
    {
        var sender = _app.CreateReader();
        var response = await sender.SubmitAsync(page, fields, files: files);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = await sender.GetPageAsync(response.Headers.Location!.OriginalString);
        var number = receipt.One(".receipt-number").Text();
        var row = await TipOffData.FindAsync(_app, number);
        return new Sent(row!.Id, number, receipt.One(".lookup-code").Text(), sender);
    }

    Task<Sent> SendTipAsync(string? title = null, IReadOnlyList<FormFile>? files = null) =>
        SendAsync("/tips/new", TipOffData.Tip(title ?? "线索" + Guid.NewGuid().ToString("N")[..8]), files);

    async Task<AngleSharp.Html.Dom.IHtmlDocument> StatusAsync(Sent sent, string page = "/tips/status") =>
        await Html.ParseAsync(await _app.CreateReader().SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.ReceiptNumber"] = sent.Number,
            ["Input.LookupCode"] = sent.Code,
        }));

    static Task<HttpResponseMessage> ActAsync(HttpClient staff, int id, string handler, Dictionary<string, string> fields) =>
        staff.SubmitAsync($"/admin/inbox/{id}", fields, $"main form[action*='handler={handler}']");

    [Fact]
    public async Task Saving_the_status_form_unchanged_keeps_an_assigned_tip_assigned()
    {
        var tip = await SendTipAsync();
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        await _app.CreateStaffAsync(Roles.Reporter, name: "记者乙" + Guid.NewGuid().ToString("N")[..4]);
        var show = await editor.GetPageAsync($"/admin/inbox/{tip.Id}");
        var reporterId = show.QuerySelectorAll("#reporterId option").First(o => o.Text().StartsWith("记者乙", StringComparison.Ordinal)).GetAttribute("value")!;
        await ActAsync(editor, tip.Id, "Assign", new() { ["reporterId"] = reporterId });

        // The form as it comes, without choosing anything: its first, selected option is the current status.
        var saved = await ActAsync(editor, tip.Id, "Status", []);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await editor.GetPageAsync($"/admin/inbox/{tip.Id}");
        Assert.Equal("已分派", page.One(".inbox-facts dd strong").Text());
        Assert.Equal("已分派（当前）", page.One("#status option[selected]").Text());
    }

    [Fact]
    public async Task Editors_see_tips_and_reports_with_overdue_reports_first()
    {
        var report = await SendAsync("/reports/new", TipOffData.Report("https://example.cn/" + Guid.NewGuid().ToString("N")));
        var tip = await SendTipAsync();
        await using (var db = TipOffData.FreshContext(_app))
        {
            await db.Submissions.Where(s => s.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueAt, DateTime.UtcNow.AddDays(-1)));
        }
        var editor = await _app.SignInAsNewAsync(Roles.Editor);

        var page = await editor.GetPageAsync("/admin/inbox");

        var rows = page.QuerySelectorAll(".inbox-table tbody tr").ToList();
        var first = rows[0];
        Assert.Contains(report.Number, first.Text(), StringComparison.Ordinal);
        Assert.Contains("overdue", first.ClassList);
        Assert.Contains("已超期", first.Text(), StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Text().Contains(tip.Number, StringComparison.Ordinal));
        Assert.Contains("已超过处理时限", page.One(".inbox-overdue-note").Text(), StringComparison.Ordinal);

        var reportsOnly = await editor.GetPageAsync("/admin/inbox?kind=Report");
        Assert.DoesNotContain(reportsOnly.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(tip.Number, StringComparison.Ordinal));
        var tipsOnly = await editor.GetPageAsync("/admin/inbox?kind=Tip&status=Received&from=2000-01-01");
        Assert.Contains(tipsOnly.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(tip.Number, StringComparison.Ordinal));
        var future = await editor.GetPageAsync("/admin/inbox?from=2099-01-01");
        Assert.Empty(future.QuerySelectorAll(".inbox-table tbody tr"));
    }

    [Fact]
    public async Task Inbox_filters_by_county_and_category()
    {
        var fields = TipOffData.Tip("砀山梨园" + Guid.NewGuid().ToString("N")[..6]);
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var countyId = (await _app.CreateReader().GetPageAsync("/tips/new")).QuerySelectorAll("#Input_CountyId option")
            .Single(o => o.Text() == "砀山县").GetAttribute("value")!;
        fields["Input.CountyId"] = countyId;
        var tip = await SendAsync("/tips/new", fields);
        var other = await SendTipAsync();

        var page = await editor.GetPageAsync($"/admin/inbox?county={countyId}");
        Assert.Contains(page.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(tip.Number, StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(other.Number, StringComparison.Ordinal));

        var vulgar = await editor.GetPageAsync("/admin/inbox?category=Vulgar");
        Assert.DoesNotContain(vulgar.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(tip.Number, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/inbox?status=Nonsense")).StatusCode);
    }

    [Fact]
    public async Task Reporters_see_only_tips_assigned_to_them_and_others_are_not_found()
    {
        var png = TipOffData.Png(500);
        var tip = await SendTipAsync(files: [new FormFile("Attachments", "现场.png", png, "image/png")]);
        var report = await SendAsync("/reports/new", TipOffData.Report());
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var assigneeEmail = await _app.CreateStaffAsync(Roles.Reporter, name: "记者甲" + Guid.NewGuid().ToString("N")[..4]);
        var assignee = await _app.SignInAsync(assigneeEmail);
        var bystander = await _app.SignInAsNewAsync(Roles.Reporter);

        var show = await editor.GetPageAsync($"/admin/inbox/{tip.Id}");
        var reporterId = show.QuerySelectorAll("#reporterId option").Single(o => o.Text().StartsWith("记者甲", StringComparison.Ordinal)).GetAttribute("value")!;
        var assigned = await ActAsync(editor, tip.Id, "Assign", new() { ["reporterId"] = reporterId });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        var mine = await assignee.GetPageAsync("/admin/inbox");
        Assert.Contains(mine.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(tip.Number, StringComparison.Ordinal));
        Assert.DoesNotContain(mine.QuerySelectorAll(".inbox-table tbody tr"), r => r.Text().Contains(report.Number, StringComparison.Ordinal));
        Assert.Equal("已分派", (await assignee.GetPageAsync($"/admin/inbox/{tip.Id}")).One(".inbox-facts dd strong").Text());

        var theirs = await bystander.GetPageAsync("/admin/inbox");
        Assert.Empty(theirs.QuerySelectorAll(".inbox-table tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.GetAsync($"/admin/inbox/{tip.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.GetAsync($"/admin/inbox/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assignee.GetAsync($"/admin/inbox/{report.Id}")).StatusCode);

        // The file: the assigned reporter and editors download it; the other reporter and the public never get it.
        var link = (await assignee.GetPageAsync($"/admin/inbox/{tip.Id}")).One(".inbox-files a").GetAttribute("href")!;
        var download = await assignee.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("现场.png", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(link)).StatusCode);

        var refused = await bystander.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual(png, await refused.Content.ReadAsByteArrayAsync());
        var anonymous = await _app.CreateReader().GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.NotEqual(png, await anonymous.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/inbox/{tip.Id}/attachments/999999")).StatusCode);

        // A reporter cannot assign, reply or link articles, even by posting the form directly.
        var forged = await assignee.PostWithTokenAsync("/admin/inbox", $"/admin/inbox/{tip.Id}?handler=Reply", new Dictionary<string, string> { ["reply"] = "伪造的答复" });
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.StartsWith("/admin/account/denied", forged.Headers.Location!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await TipOffData.FindAsync(_app, tip.Number))!.PublicReply);
    }

    [Fact]
    public async Task Attachments_are_not_reachable_from_the_public_site()
    {
        var tip = await SendTipAsync(files: [new FormFile("Attachments", "a.png", TipOffData.Png(), "image/png")]);
        var stored = (await TipOffData.FindAsync(_app, tip.Number))!.Attachments.Single().StoredName;
        var reader = _app.CreateReader();

        foreach (var url in new[] { $"/attachments/{stored}", $"/media/{stored}", $"/media/../attachments/{stored}", $"/{stored}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url)).StatusCode);
        }
    }

    public const string Payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>";

    [Fact]
    public async Task Script_payloads_in_every_field_are_rendered_inert_in_the_inbox()
    {
        var tipFields = TipOffData.Tip(Payload[..60]);
        tipFields["Input.Body"] = Payload + " 事情经过 " + Payload;
        tipFields["Input.Place"] = Payload;
        tipFields["Input.Name"] = "<b onmouseover=alert(3)>名</b>";
        tipFields["Input.Email"] = "<script>alert(4)</script>@example.cn";
        var tip = await SendAsync("/tips/new", tipFields, [new FormFile("Attachments", "<img src=x onerror=alert(5)>.png", TipOffData.Png(), "image/png")]);
        var reportFields = TipOffData.Report("https://example.cn/?q=\"><script>alert(6)</script>");
        reportFields["Input.Body"] = Payload;
        reportFields["Input.Name"] = Payload[..40];
        var report = await SendAsync("/reports/new", reportFields);
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(editor, tip.Id, "Note", new() { ["note"] = Payload })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(editor, tip.Id, "Reply", new() { ["reply"] = Payload })).StatusCode);

        foreach (var url in new[] { "/admin/inbox", $"/admin/inbox/{tip.Id}", $"/admin/inbox/{report.Id}" })
        {
            var response = await editor.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            var page = await Html.ParseAsync(response);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[onerror], [onload], [onmouseover], svg, b"));
            Assert.Empty(page.QuerySelectorAll("main img"));
        }

        var show = await editor.GetPageAsync($"/admin/inbox/{tip.Id}");
        Assert.Contains(Payload, show.One(".inbox-body").TextContent, StringComparison.Ordinal);
        Assert.Equal(Payload, show.One(".inbox-place").TextContent.Trim());
        Assert.Equal("<b onmouseover=alert(3)>名</b>", show.One(".inbox-name").TextContent);
        Assert.Equal("<script>alert(4)</script>@example.cn", show.One(".inbox-email").TextContent);
        Assert.Equal("<img src=x onerror=alert(5)>.png", show.One(".inbox-files a").TextContent);
        Assert.Equal(Payload, show.One(".inbox-note").TextContent);
        Assert.Equal(Payload, show.One(".inbox-reply").TextContent);

        // The sender's status page prints the reply encoded too.
        var status = await StatusAsync(tip);
        Assert.Equal(Payload, status.One(".status-reply p").TextContent);
        Assert.Empty(status.QuerySelectorAll("main [onerror], main svg"));
    }

    [Fact]
    public async Task Tip_published_as_an_article_links_the_story_on_the_tipsters_status_page()
    {
        var tip = await SendTipAsync();
        var editor = await _app.SignInAsNewAsync(Roles.Editor);

        var wrong = await ActAsync(editor, tip.Id, "Publish", new() { ["articleNumber"] = "99999999" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("没有这个编号的文章", (await Html.ParseAsync(wrong)).One(".inbox-actions .field-error").Text(), StringComparison.Ordinal);

        var linked = await ActAsync(editor, tip.Id, "Publish", new() { ["articleNumber"] = "246001" });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(editor, tip.Id, "Reply", new() { ["reply"] = "感谢您的线索，记者已采写刊发。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(editor, tip.Id, "Note", new() { ["note"] = "内部：线人是老读者" })).StatusCode);

        var status = await StatusAsync(tip);
        Assert.Equal("已刊发", status.One(".status-name").Text());
        Assert.Equal(SeedArticles.Headline, status.One(".status-article a").GetAttribute("href"));
        Assert.Equal("感谢您的线索，记者已采写刊发。", status.One(".status-reply p").Text());
        Assert.DoesNotContain("线人是老读者", status.One("main").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("13905570000", status.One("main").Text(), StringComparison.Ordinal);
        Assert.Equal(["已受理", "已刊发"], status.QuerySelectorAll(".status-history li").Select(li => li.Text().Split(' ')[^1]));

        var row = await TipOffData.FindAsync(_app, tip.Number);
        Assert.Equal(246001, row!.ArticleNumber);
        Assert.NotNull(row.HandledAt);
    }

    [Fact]
    public async Task Draft_from_a_tip_is_a_draft_article_credited_to_the_staff_member_and_not_public()
    {
        var title = "草稿线索" + Guid.NewGuid().ToString("N")[..6];
        var tip = await SendTipAsync(title);
        var editor = await _app.SignInAsNewAsync(Roles.Editor, name: "编辑乙");

        var response = await ActAsync(editor, tip.Id, "Draft", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var show = await editor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已生成草稿", show.One(".flash").Text(), StringComparison.Ordinal);
        Assert.Equal("处理中", show.One(".inbox-facts dd strong").Text());
        await using var db = TipOffData.FreshContext(_app);
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Title == title);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.FirstPublishedAt);
        Assert.Contains(tip.Number, article.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal("编辑乙", Assert.Single(article.Credits).Name);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateReader().GetAsync($"/xw/content/2026-11/29/content_{article.Number}.html")).StatusCode);
        // A newsroom article like any other: owned by its maker and openable in the editor.
        Assert.NotNull(article.AuthorId);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/articles/{article.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task Closing_a_report_counts_as_handled_on_the_contact_page()
    {
        var report = await SendAsync("/reports/new", TipOffData.Report());
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var before = await _app.CreateReader().GetPageAsync("/contact");
        var handled = int.Parse(before.QuerySelectorAll(".report-counts tbody tr td")[1].Text(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(editor, report.Id, "Status", new() { ["status"] = "Closed" })).StatusCode);

        var after = await _app.CreateReader().GetPageAsync("/contact");
        Assert.Equal(handled + 1, int.Parse(after.QuerySelectorAll(".report-counts tbody tr td")[1].Text(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("已办结", (await StatusAsync(report, "/reports/status")).One(".status-name").Text());
        var invalid = await ActAsync(editor, report.Id, "Status", new() { ["status"] = "Published" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("请从列表中选择状态", (await Html.ParseAsync(invalid)).One(".inbox-actions .field-error").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newsroom_menu_links_the_inbox()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);

        var page = await reporter.GetPageAsync("/admin");

        Assert.NotNull(page.QuerySelector(".admin-nav a[href='/admin/inbox']"));
    }
}
