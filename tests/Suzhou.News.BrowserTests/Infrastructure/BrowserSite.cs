using Microsoft.Playwright;

namespace Suzhou.News.BrowserTests.Infrastructure;

/// <summary>
/// One live site and one headless Chromium shared by every journey in the collection; each journey gets its
/// own browser context (cookies, viewport) so journeys do not see each other's sign-ins or preferences.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>
    /// How long one step (a click, a navigation, an <c>Expect</c>) may wait for what it needs. Playwright waits on the
    /// thing itself, so this is only the point of giving up: generous, because a busy 2-core machine can take many
    /// seconds for a page that takes milliseconds idle, and a short limit there fails journeys that are right.
    /// </summary>
    public const float StepCeilingMs = 5 * 60 * 1000;

    IPlaywright? _playwright;
    IBrowser? _browser;

    public LiveSite Site { get; } = new();

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            // Nothing to drive: the journeys are skipped (or, under CI, fail with the message from NewJourneyAsync).
            return;
        }

        Site.Start();
        // Debian's Chromium is passed by path: Playwright must never try to fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(StepCeilingMs);
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Timeout = StepCeilingMs,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context and page for one journey, recording its evidence under the test output folder.</summary>
    public async Task<Journey> NewJourneyAsync(string name, ViewportSize viewport)
    {
        if (_browser is null)
        {
            throw new InvalidOperationException(Chromium.MissingMessage);
        }

        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = Site.BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(StepCeilingMs);
        var page = await context.NewPageAsync();
        return new Journey(name, context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser journeys";
}
