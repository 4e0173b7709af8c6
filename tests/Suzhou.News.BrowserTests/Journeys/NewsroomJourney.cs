using Suzhou.News.Accounts;
using Suzhou.News.BrowserTests.Infrastructure;
using Suzhou.News.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Journeys;

/// <summary>
/// Journey 2, the part main has so far: a reporter mistypes the password, signs in and uploads a photo to the
/// media library, which offers its Markdown for a story.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsroomJourney(BrowserSite browser)
{
    [BrowserFact]
    public async Task Reporter_signs_in_and_uploads_a_photo_to_the_media_library()
    {
        var reporterEmail = await browser.Site.CreateStaffAsync(Roles.Reporter, "李航");
        const string alt = "新汴河岸边晨练的市民";

        string picture;
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
            picture = await media.UploadAsync("hebian.jpg", SamplePhoto.Jpeg(), alt, "清晨，市民在新汴河南岸步道上晨练。", "李航");
            await reporter.StepAsync("media-uploaded");

            await reporter.FinishAsync();
        }

        // TODO(newsroom): once the article editor and review queue land on main — the reporter pastes the picture's
        // Markdown into a story, previews it and sends it for review (Pages/ArticleDeskPages.cs); an editor publishes
        // it from the 待审 queue; an anonymous reader finds it on the front page and in 本地.
        Assert.StartsWith("![" + alt + "](/media/", picture);
    }
}
