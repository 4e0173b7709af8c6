using Suzhou.News.BrowserTests.Infrastructure;
using Suzhou.News.BrowserTests.Pages;

namespace Suzhou.News.BrowserTests.Journeys;

/// <summary>
/// Journey 1: a reader goes from the front page into a channel, its second page, a story, picks the large text
/// size and follows the story's 举报 link to the report form (filled with the story's address) and from there to
/// the report section of the contact page, then searches the site for a two-character word and opens a result —
/// on a desktop and on a phone, where no page may scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderJourney(BrowserSite browser)
{
    [BrowserFact]
    public async Task Reader_goes_from_the_front_page_to_a_story_and_its_report_link_on_a_desktop()
    {
        await using var journey = await browser.NewJourneyAsync("reader-desktop", BrowserSite.Desktop);
        await WalkAsync(journey, phone: false);
        await journey.FinishAsync();
    }

    [BrowserFact]
    public async Task Reader_goes_the_same_way_on_a_phone_without_sideways_scrolling()
    {
        await using var journey = await browser.NewJourneyAsync("reader-phone", BrowserSite.Phone);
        await WalkAsync(journey, phone: true);
        await journey.FinishAsync();
    }

    static async Task WalkAsync(Journey journey, bool phone)
    {
        async Task Step(string name)
        {
            await journey.StepAsync(name);
            if (phone)
            {
                await journey.AssertNoHorizontalScrollingAsync(name);
            }
        }

        var home = await HomePage.OpenAsync(journey.Page);
        await Step("home");

        var channel = await home.OpenChannelAsync("本地");
        await Step("channel");

        await channel.GoToPageAsync(2);
        await Step("channel-page-2");

        var article = await channel.OpenStoryAsync(0);
        await Step("article");

        var before = await article.BodyFontSizeAsync();
        await article.ChooseTextSizeAsync("大");
        Assert.True(await article.BodyFontSizeAsync() > before, "字号 大 should make the story's text larger");
        await Step("article-text-large");

        var report = await article.ReportAsync();
        await Step("report-form");

        var contact = await report.OpenOtherChannelsAsync();
        await contact.ExpectReportChannelsAsync();
        await Step("contact-report");

        await SearchForATwoCharacterWordAndOpenAResultAsync(contact, Step);
    }

    /// <summary>The header's 搜索新闻 box with a two-character word, then the first result that has it in its headline.</summary>
    static async Task SearchForATwoCharacterWordAndOpenAResultAsync(ReaderPage from, Func<string, Task> step)
    {
        var results = await SearchResultsPage.SearchAsync(from.Page, "宿州");
        await step("search-results");

        await results.OpenResultAsync();
        await step("search-result-article");
    }
}
