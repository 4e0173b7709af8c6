using Suzhou.News.Accounts;
using Suzhou.News.BrowserTests.Infrastructure;
using Suzhou.News.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Journeys;

/// <summary>
/// Journey 2: a reporter mistypes the password, signs in, uploads a photo to the media library, writes a story
/// with it, previews it and sends it for review; an editor, in another browser, takes it from the 待审 queue and
/// publishes it; an anonymous reader then finds it on the front page and in its channel, picture and all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsroomJourney(BrowserSite browser)
{
    [BrowserFact]
    public async Task Reporter_writes_a_story_with_a_photo_an_editor_publishes_it_and_readers_see_it()
    {
        var reporterEmail = await browser.Site.CreateStaffAsync(Roles.Reporter, "李航");
        var editorEmail = await browser.Site.CreateStaffAsync(Roles.Editor, "赵敏");
        const string alt = "新汴河岸边晨练的市民";
        var story = new Story(
            Title: "新汴河景观带南岸步道全线贯通",
            Summary: "新汴河景观带南岸步道日前全线贯通，市民沿河散步、骑行有了连续的慢行道。",
            Body: "",
            Channel: "本地",
            Reporter: "李航");

        await using (var reporter = await browser.NewJourneyAsync("newsroom-reporter", BrowserSite.Desktop))
        {
            var login = await LoginPage.OpenAsync(reporter.Page);
            await reporter.StepAsync("login");

            await login.SignInRefusedAsync(reporterEmail, "not-the-password");
            await reporter.StepAsync("login-refused");

            var dashboard = await login.SignInAsync(reporterEmail, LiveSite.StaffPassword);
            await Expect(dashboard.Greeting).ToContainTextAsync("李航");
            await reporter.StepAsync("dashboard");

            var media = await MediaLibraryPage.OpenFromMenuAsync(dashboard);
            var picture = await media.UploadAsync("hebian.jpg", SamplePhoto.Jpeg(), alt, "清晨，市民在新汴河南岸步道上晨练。", "李航");
            await reporter.StepAsync("media-uploaded");

            story = story with
            {
                Body = story.Summary + "\n\n" + picture + "\n\n步道沿线新设了休息座椅和照明，夜间也可以放心散步。",
            };
            var editor = await ArticleEditorPage.OpenFromMenuAsync(dashboard);
            await editor.FillAsync(story);
            await editor.PreviewAsync(story.Title, alt);
            await reporter.StepAsync("editor-preview");

            await editor.SubmitForReviewAsync();
            await reporter.StepAsync("submitted-for-review");

            await editor.OpenSavedPreviewAsync(story.Title);
            await reporter.StepAsync("saved-preview");
            await reporter.FinishAsync();
        }

        await using (var editorDesk = await browser.NewJourneyAsync("newsroom-editor", BrowserSite.Desktop))
        {
            var dashboard = await (await LoginPage.OpenAsync(editorDesk.Page)).SignInAsync(editorEmail, LiveSite.StaffPassword);
            var queue = await ArticleListPage.OpenReviewQueueAsync(dashboard);
            await Expect(queue.Row(story.Title)).ToContainTextAsync("待审");
            await editorDesk.StepAsync("review-queue");

            var article = await queue.OpenAsync(story.Title);
            await editorDesk.StepAsync("editor-open");

            var workflow = await article.OpenWorkflowAsync();
            await editorDesk.StepAsync("workflow");

            await workflow.PublishAsync();
            await editorDesk.StepAsync("published");
            await editorDesk.FinishAsync();
        }

        await using var reader = await browser.NewJourneyAsync("newsroom-reader", BrowserSite.Desktop);
        var home = await HomePage.OpenAsync(reader.Page);
        await Expect(home.Main.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = story.Title, Exact = true }).First).ToBeVisibleAsync();
        await reader.StepAsync("home");

        var channel = await home.OpenChannelAsync(story.Channel);
        await Expect(channel.StoryLink(story.Title)).ToBeVisibleAsync();
        await reader.StepAsync("channel");

        var published = await channel.OpenStoryAsync(story.Title);
        var photo = published.Body.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = alt, Exact = true });
        await Expect(photo).ToBeVisibleAsync();
        await reader.StepAsync("article");
        await reader.FinishAsync();
    }
}
