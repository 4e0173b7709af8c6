using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Accounts;
using static Suzhou.News.Tests.Infrastructure.ArticleForms;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Newsroom;

/// <summary>Writing: the editor form, validation, ownership, concurrency, revisions and preview.</summary>
[Collection(NewsroomSiteCollection.Name)]
public sealed class ArticleEditingTests(NewsroomSite site)
{
    readonly ClockedNewsApp _app = site.App;

    [Fact]
    public async Task Reporter_writes_a_draft_that_belongs_to_them_and_is_not_public()
    {
        var email = await _app.CreateStaffAsync(Roles.Reporter, name: "李航");
        var reporter = await _app.SignInAsync(email);

        var id = await reporter.WriteAsync(_app, "埇桥区新增三条公交线路");

        var article = await _app.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.FirstPublishedAt);
        Assert.Contains("<strong>重点</strong>", article.BodyHtml);
        Assert.Equal(1, await _app.QueryAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
        var list = await reporter.GetPageAsync("/admin/articles");
        Assert.Contains("埇桥区新增三条公交线路", list.One("table.article-table").Text());
        Assert.DoesNotContain("埇桥区新增三条公交线路", (await _app.CreateReader().GetPageAsync("/")).Body.Text());
    }

    [Fact]
    public async Task Validation_errors_are_in_chinese_next_to_the_field_and_keep_what_was_typed()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var fields = Fields(await _app.ChannelIdAsync(), "");
        fields["Input.Body"] = "这一段正文不能丢。";
        fields["Input.Kicker"] = "引题也要保留";
        fields["Input.CoverSrc"] = "/etc/passwd";

        var response = await reporter.SubmitAsync(NewUrl, fields, "form.article-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("请填写标题", page.One("[data-valmsg-for='Input.Title']").Text());
        Assert.Contains("媒体库", page.One("[data-valmsg-for='Input.CoverSrc']").Text());
        Assert.Equal("这一段正文不能丢。", ((IHtmlTextAreaElement)page.One("textarea[name='Input.Body']")).Value);
        Assert.Equal("引题也要保留", page.One("input[name='Input.Kicker']").GetAttribute("value"));
    }

    [Fact]
    public async Task Reporter_cannot_read_or_change_another_reporters_draft()
    {
        var author = await _app.SignInAsNewAsync(Roles.Reporter);
        var id = await author.WriteAsync(_app, "只属于作者的草稿");
        var other = await _app.SignInAsNewAsync(Roles.Reporter);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(EditUrl(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/articles/preview/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/articles/{id}/revisions")).StatusCode);
        Assert.DoesNotContain("只属于作者的草稿", (await other.GetPageAsync("/admin/articles")).Body.Text());
        var forged = Fields(await _app.ChannelIdAsync(), "被他人改写");
        var post = await other.PostWithTokenAsync(NewUrl, EditUrl(id), forged);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("只属于作者的草稿", (await _app.ArticleAsync(id)).Title);
    }

    [Fact]
    public async Task Draft_preview_needs_a_signed_in_owner_and_uses_the_public_article_template()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var id = await reporter.WriteAsync(_app, "预览中的稿件", "## 小标题\n\n正文里有**加粗**。");

        var anonymous = await _app.CreateReader().GetAsync($"/admin/articles/preview/{id}");
        var page = await reporter.GetPageAsync($"/admin/articles/preview/{id}");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/account/login", anonymous.Headers.Location!.OriginalString);
        Assert.Equal("预览中的稿件", page.One("article.article h1#article-title").Text());
        Assert.NotNull(page.One(".article-body h2#小标题"));
        Assert.Equal("加粗", page.One(".article-body strong").Text());
        Assert.NotNull(page.One("header.site-header")); // the public layout, not the newsroom's
        Assert.Contains("预览", page.One(".preview-banner").Text());
    }

    [Fact]
    public async Task Preview_button_renders_the_form_as_typed_without_saving()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var fields = Fields(await _app.ChannelIdAsync(), "尚未保存的标题", "还没保存的*正文*");
        fields["Input.Reporters"] = "王敏 张立";

        var response = await reporter.SubmitAsync(NewUrl, fields, "form.article-form", submitName: "/admin/articles/preview");

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("尚未保存的标题", page.One("h1#article-title").Text());
        Assert.Equal("正文", page.One(".article-body em").Text());
        Assert.Equal("■ 记者 王敏 张立", page.One(".byline").Text());
        Assert.False(await _app.QueryAsync(db => db.Articles.AnyAsync(a => a.Title == "尚未保存的标题")));
    }

    [Fact]
    public async Task Reporter_cannot_set_front_page_flags()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var fields = Fields(await _app.ChannelIdAsync(), "记者想上头条");
        fields["Input.IsHeadline"] = "true";

        var id = IdFrom(await reporter.SubmitAsync(NewUrl, fields, "form.article-form"));

        Assert.False((await _app.ArticleAsync(id)).IsHeadline);
    }

    [Fact]
    public async Task Second_save_of_the_same_version_shows_a_conflict_with_both_versions_and_loses_nothing()
    {
        var first = await _app.SignInAsNewAsync(Roles.Editor, name: "周敏");
        var second = await _app.SignInAsNewAsync(Roles.Editor, name: "陈立");
        var id = await first.WriteAsync(_app, "原来的标题");
        var firstForm = (IHtmlFormElement)(await first.GetPageAsync(EditUrl(id))).One("form.article-form");
        var secondForm = (IHtmlFormElement)(await second.GetPageAsync(EditUrl(id))).One("form.article-form");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstForm, new Dictionary<string, string> { ["Input.Title"] = "周敏改的标题" })).StatusCode);
        var conflict = await second.SubmitAsync(secondForm, new Dictionary<string, string>
        {
            ["Input.Title"] = "陈立改的标题",
            ["Input.Body"] = "陈立重写的正文。",
        });

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        Assert.Contains("保存冲突", page.One("h1").Text());
        Assert.Contains("周敏", page.One(".conflict").Text());
        var diff = page.One("table.diff").Text();
        Assert.Contains("周敏改的标题", diff.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("陈立改的标题", diff.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("陈立改的标题", page.One("input[name='Input.Title']").GetAttribute("value"));
        Assert.Equal("陈立重写的正文。", ((IHtmlTextAreaElement)page.One("textarea[name='Input.Body']")).Value);
        Assert.Equal("周敏改的标题", (await _app.ArticleAsync(id)).Title);

        // Keeping their own version: the conflict page's form now carries the new token.
        var keep = await second.SubmitAsync((IHtmlFormElement)page.One("form.article-form"), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, keep.StatusCode);
        Assert.Equal("陈立改的标题", (await _app.ArticleAsync(id)).Title);
        var titles = await _app.QueryAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Sequence).Select(r => r.Title).ToListAsync());
        Assert.Equal(["原来的标题", "周敏改的标题", "陈立改的标题"], titles);
    }

    [Fact]
    public async Task Editor_page_says_who_else_has_the_article_open()
    {
        var first = await _app.SignInAsNewAsync(Roles.Editor, name: "周敏");
        var id = await first.WriteAsync(_app, "两人同时打开");
        await first.GetPageAsync(EditUrl(id));
        var second = await _app.SignInAsNewAsync(Roles.Editor, name: "陈立");

        var page = await second.GetPageAsync(EditUrl(id));

        Assert.Contains("周敏 正在编辑", page.One(".notice").Text());
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_text_as_a_new_revision()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var id = await reporter.WriteAsync(_app, "修订测试", "第一版的正文。");
        await reporter.SubmitAsync(EditUrl(id), new Dictionary<string, string> { ["Input.Body"] = "第二版改写了正文。" }, "form.article-form");
        Assert.Equal("第二版改写了正文。", (await _app.ArticleAsync(id)).BodyMarkdown);

        var diff = await reporter.GetPageAsync($"/admin/articles/{id}/revisions?to=2");
        var compared = diff.One("table.diff").Text().Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("第一版的正文。", compared);
        Assert.Contains("第二版改写了正文。", compared);
        var restored = await reporter.SubmitAsync($"/admin/articles/{id}/revisions", new Dictionary<string, string>(), "form[action*='rev=1']");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var article = await _app.ArticleAsync(id);
        Assert.Equal("第一版的正文。", article.BodyMarkdown);
        Assert.Contains("第一版的正文。", article.BodyHtml);
        var reasons = await _app.QueryAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Sequence).Select(r => r.Reason).ToListAsync());
        Assert.Equal(3, reasons.Count);
        Assert.Equal("恢复自第 1 版", reasons[2]);
    }

    [Fact]
    public async Task Chinese_diff_marks_the_changed_characters_not_the_whole_line()
    {
        var result = Suzhou.News.Newsroom.TextDiff.Compare("宿州高铁站今天开通。", "宿州高铁站明天开通。");

        var row = Assert.Single(result.Rows);
        Assert.Equal(["今"], row.Old.Spans.Where(s => s.Changed).Select(s => s.Text));
        Assert.Equal(["明"], row.New.Spans.Where(s => s.Changed).Select(s => s.Text));
    }

    [Fact]
    public void A_very_long_paragraph_is_compared_clause_by_clause()
    {
        var clauses = Enumerable.Range(0, 200).Select(i => $"第{i}句话写到这里").ToList();
        var before = string.Join("，", clauses) + "。";
        clauses[100] = "这一句被改写了";
        var after = string.Join("，", clauses) + "。";
        Assert.True(before.Length > Suzhou.News.Newsroom.TextDiff.CharacterDiffMaxLine);

        var row = Assert.Single(Suzhou.News.Newsroom.TextDiff.Compare(before, after).Rows);

        Assert.Equal("第100句话写到这里", string.Concat(row.Old.Spans.Where(s => s.Changed).Select(s => s.Text)).Trim('，'));
        Assert.Equal("这一句被改写了", string.Concat(row.New.Spans.Where(s => s.Changed).Select(s => s.Text)).Trim('，'));
    }

    [Fact]
    public async Task Media_picker_return_fills_the_cover_field_and_ignores_anything_not_in_the_media_folder()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var id = await editor.WriteAsync(_app, "选封面");

        var picked = await editor.GetPageAsync(EditUrl(id) + "?cover=%2Fmedia%2Fgaotie-station.svg&coverId=999999");
        var forged = await editor.GetPageAsync(EditUrl(id) + "?cover=javascript%3Aalert(1)");

        Assert.Equal("/media/gaotie-station.svg", picked.One("input[name='Input.CoverSrc']").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(forged.One("input[name='Input.CoverSrc']").GetAttribute("value")));
        Assert.Contains("pick=cover", picked.One("#cover-hint a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_forged_channel_value_gets_a_chinese_message_not_an_error_page()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var fields = Fields(await _app.ChannelIdAsync(), "栏目值被篡改");
        fields["Input.ChannelId"] = "abc";
        fields["Input.CountyId"] = "999999";

        var response = await reporter.SubmitAsync(NewUrl, fields, "form.article-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("不是有效的栏目", page.One("[data-valmsg-for='Input.ChannelId']").Text());
        Assert.Equal("所选县区不存在", page.One("[data-valmsg-for='Input.CountyId']").Text());
    }

    [Fact]
    public async Task Article_list_filters_by_status_and_text_and_refuses_bad_page_numbers()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        var draft = await editor.WriteAsync(_app, "列表筛选草稿甲");
        var inReview = await editor.WriteAsync(_app, "列表筛选待审乙");
        await editor.SubmitAsync(EditUrl(inReview), new Dictionary<string, string>(), "form.article-form", submitName: "submit-review");

        var reviewList = await editor.GetPageAsync("/admin/articles?status=InReview&q=" + Uri.EscapeDataString("列表筛选"));
        var byNumber = await editor.GetPageAsync("/admin/articles?q=" + (await _app.ArticleAsync(draft)).Number);

        var rows = reviewList.QuerySelectorAll("table.article-table tbody tr").Select(r => r.Text()).ToList();
        Assert.Single(rows);
        Assert.Contains("列表筛选待审乙", rows[0]);
        Assert.Contains("待审", rows[0]);
        Assert.Contains("列表筛选草稿甲", byNumber.One("table.article-table tbody").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/articles?page=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/articles?page=99999")).StatusCode);
    }

    [Fact]
    public async Task Sorting_by_publish_time_puts_never_published_drafts_last_on_every_database()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        await TestArticles.AddAsync(_app, 880001, "发布排序已发稿", "正文。", _app.Clock.GetUtcNow().UtcDateTime.AddDays(-400));
        await editor.WriteAsync(_app, "发布排序未发稿");

        var page = await editor.GetPageAsync("/admin/articles?sort=published&q=" + Uri.EscapeDataString("发布排序"));

        var rows = page.QuerySelectorAll("table.article-table tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("发布排序已发稿", rows[0]); // SQLite sorts NULL last when descending, PostgreSQL first unless told
        Assert.Contains("发布排序未发稿", rows[1]);
    }
}
