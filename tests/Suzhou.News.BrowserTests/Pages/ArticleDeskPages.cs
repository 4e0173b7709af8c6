using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>What a reporter writes: the required fields and a byline.</summary>
public sealed record Story(string Title, string Summary, string Body, string Channel, string Reporter);

/// <summary>The article editor (<c>/admin/articles/new</c>, <c>/admin/articles/{id}/edit</c>) with its 预览 frame.</summary>
public sealed class ArticleEditorPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Flash => Main.GetByRole(AriaRole.Status).First;

    public ILocator Title => Main.GetByLabel("标题", new() { Exact = true });

    public ILocator Summary => Main.GetByLabel("导语", new() { Exact = true });

    public ILocator Body => Main.GetByLabel("正文（Markdown）", new() { Exact = true });

    public ILocator Channel => Main.GetByLabel("栏目", new() { Exact = true });

    public ILocator Reporters => Main.GetByLabel("记者", new() { Exact = true });

    /// <summary>The preview frame beside the form, where 预览 shows the story in the site's own article template.</summary>
    public IFrameLocator Preview => Page.FrameLocator("iframe[title='稿件预览']");

    public ILocator Facts => Main.GetByRole(AriaRole.Complementary, new() { Name = "稿件信息" });

    /// <summary>Follows 写稿 in the newsroom menu.</summary>
    public static async Task<ArticleEditorPage> OpenFromMenuAsync(DashboardPage dashboard)
    {
        await dashboard.Menu.GetByRole(AriaRole.Link, new() { Name = "写稿", Exact = true }).ClickAsync();
        var editor = new ArticleEditorPage(dashboard.Page);
        await Expect(editor.Heading).ToHaveTextAsync("写新稿件");
        return editor;
    }

    public async Task FillAsync(Story story)
    {
        await Title.FillAsync(story.Title);
        await Summary.FillAsync(story.Summary);
        await Body.FillAsync(story.Body);
        await Channel.SelectOptionAsync(new SelectOptionValue { Label = story.Channel });
        await Reporters.FillAsync(story.Reporter);
    }

    /// <summary>Presses 预览: the frame shows the headline and the picture (by its alt text) without saving anything.</summary>
    public async Task PreviewAsync(string title, string pictureAlt)
    {
        await Main.GetByRole(AriaRole.Button, new() { Name = "预览", Exact = true }).ClickAsync();
        await Expect(Preview.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var picture = Preview.GetByRole(AriaRole.Img, new() { Name = pictureAlt, Exact = true });
        await Expect(picture).ToBeVisibleAsync();
        // The uploaded picture loads in the preview: waited for, not read once, since on a busy machine the frame may
        // still be loading it (or be rendering again) at the first look.
        await Expect(picture).ToHaveJSPropertyAsync("complete", true);
        await Expect(picture).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
    }

    /// <summary>Presses 保存并送审: the article is saved and waits for an editor (待审).</summary>
    public async Task SubmitForReviewAsync()
    {
        await Main.GetByRole(AriaRole.Button, new() { Name = "保存并送审", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/articles/[0-9]+/edit$"));
        await Expect(Flash).ToContainTextAsync("送审");
        await Expect(Heading).ToHaveTextAsync("编辑稿件");
        await Expect(Facts).ToContainTextAsync("待审");
    }

    /// <summary>Opens the saved version's preview page (预览已保存版本).</summary>
    public async Task OpenSavedPreviewAsync(string title)
    {
        await Facts.GetByRole(AriaRole.Link, new() { Name = "预览已保存版本", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/articles/preview/[0-9]+$"));
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    /// <summary>An editor's way from the article to 发布、排期、撤回、更正.</summary>
    public async Task<WorkflowPage> OpenWorkflowAsync()
    {
        await Facts.GetByRole(AriaRole.Link, new() { Name = "发布、排期、撤回、更正", Exact = true }).ClickAsync();
        var workflow = new WorkflowPage(Page);
        await Expect(workflow.Heading).ToHaveTextAsync("发布与流转");
        return workflow;
    }
}

/// <summary>稿件 at <c>/admin/articles</c>; an editor's 待审 menu item opens it filtered to the review queue.</summary>
public sealed class ArticleListPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Table => Main.GetByRole(AriaRole.Table);

    /// <summary>Follows 待审 in the newsroom menu: the list of articles waiting for review.</summary>
    public static async Task<ArticleListPage> OpenReviewQueueAsync(DashboardPage dashboard)
    {
        await dashboard.Menu.GetByRole(AriaRole.Link, new() { Name = "待审", Exact = true }).ClickAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(new Regex(@"/admin/articles\?status=InReview$"));
        var list = new ArticleListPage(dashboard.Page);
        await Expect(list.Heading).ToHaveTextAsync("稿件");
        return list;
    }

    public ILocator Row(string title) => Table.GetByRole(AriaRole.Row).Filter(new()
    {
        Has = Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }),
    });

    public async Task<ArticleEditorPage> OpenAsync(string title)
    {
        await Row(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/articles/[0-9]+/edit$"));
        var editor = new ArticleEditorPage(Page);
        await Expect(editor.Title).ToHaveValueAsync(title);
        return editor;
    }
}

/// <summary>发布与流转 at <c>/admin/articles/{id}/workflow</c>: publish now, schedule, return, correct, retract.</summary>
public sealed class WorkflowPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Flash => Main.GetByRole(AriaRole.Status).First;

    /// <summary>Presses 立即发布; the page comes back 已发布 with a 查看网页 link to the public story.</summary>
    public async Task PublishAsync()
    {
        await Main.GetByRole(AriaRole.Form, new() { Name = "立即发布", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "立即发布", Exact = true }).ClickAsync();
        await Expect(Main.GetByText("已发布", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(Main.GetByRole(AriaRole.Link, new() { Name = "查看网页", Exact = true })).ToBeVisibleAsync();
    }
}
