using Suzhou.News.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Suzhou.News.BrowserTests.Journeys;

/// <summary>The journeys' own checks can fail: a page spoiled on purpose trips each of them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckTests(BrowserSite browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Axe_check_fails_on_a_critical_violation_naming_rule_element_and_help()
    {
        await using var journey = await browser.NewJourneyAsync("check-axe", BrowserSite.Desktop);
        await journey.Page.GotoAsync("/contact");
        await journey.Page.EvaluateAsync(
            "() => { const img = document.createElement('img'); img.src = '/img/logo.svg'; img.id = 'spoiled'; document.querySelector('main').append(img); }");

        await journey.StepAsync("spoiled");
        var failure = await Assert.ThrowsAnyAsync<XunitException>(journey.FinishAsync);
        output.WriteLine(failure.Message);

        Assert.Contains("image-alt (critical)", failure.Message);
        Assert.Contains("#spoiled", failure.Message);
        Assert.Contains("https://dequeuniversity.com/rules/axe/", failure.Message);
        Assert.True(File.Exists(Path.Combine(journey.EvidencePath, "01-spoiled.json")));
        Assert.True(File.Exists(Path.Combine(journey.EvidencePath, "01-spoiled.png")));
    }

    [BrowserFact]
    public async Task Sideways_scrolling_check_fails_on_a_page_wider_than_a_phone()
    {
        await using var journey = await browser.NewJourneyAsync("check-width", BrowserSite.Phone);
        await journey.Page.GotoAsync("/contact");
        await journey.AssertNoHorizontalScrollingAsync("contact");
        await journey.Page.EvaluateAsync(
            "() => { const wide = document.createElement('div'); wide.style.width = '800px'; wide.textContent = '宽'; document.querySelector('main').append(wide); }");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => journey.AssertNoHorizontalScrollingAsync("widened"));

        Assert.Contains("scrolls sideways", failure.Message);
    }
}
