using Suzhou.News.Accounts;
using Suzhou.News.BrowserTests.Infrastructure;
using Suzhou.News.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Journeys;

/// <summary>
/// Journey 2, the part that exists so far: a reporter mistypes the password, then signs in through the newsroom
/// login and reaches the 工作台.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsroomJourney(BrowserSite browser)
{
    [BrowserFact]
    public async Task Reporter_signs_in_after_a_refused_attempt_and_reaches_the_newsroom_dashboard()
    {
        await using var journey = await browser.NewJourneyAsync("newsroom", BrowserSite.Desktop);
        var email = await browser.Site.CreateStaffAsync(Roles.Reporter, "李航");

        var login = await LoginPage.OpenAsync(journey.Page);
        await journey.StepAsync("login");

        await login.SignInRefusedAsync(email, "not-the-password");
        await journey.StepAsync("login-refused");

        var dashboard = await login.SignInAsync(email, LiveSite.StaffPassword);
        await Expect(dashboard.Greeting).ToContainTextAsync("李航");
        await Expect(dashboard.Menu).ToBeVisibleAsync();
        await journey.StepAsync("dashboard");

        // TODO(editor): the rest of journey 2 once the article editor and review queue land on main —
        //   reporter: write an article with an image, preview, 送审 (submit for review), sign out;
        //   editor: sign in, open the review queue, publish;
        //   anonymous reader: the article is on the front page and in its channel.
        // Each new page gets a page object in Pages/ and a journey.StepAsync(...) so axe checks it.

        await journey.FinishAsync();
    }
}
