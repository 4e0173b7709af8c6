// Suzhou.News: the 拂晓新闻网 portal. Readers browse it, the newsroom publishes through it.
// This file is a contents page: the services, the background work, then the request pipeline in order, one line
// each. The details live in the feature folders (Articles/, Newsroom/, …) and in Hosting/ (what composes the host).
using Microsoft.Extensions.Options;
using Serilog;
using Suzhou.News.Accounts;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Chinese;
using Suzhou.News.Cluster;
using Suzhou.News.Data;
using Suzhou.News.Feeds;
using Suzhou.News.Hosting;
using Suzhou.News.Import;
using Suzhou.News.Media;
using Suzhou.News.Newsroom;
using Suzhou.News.Operations;
using Suzhou.News.Search;
using Suzhou.News.Site;
using Suzhou.News.TipOffs;

LoggingExtensions.UseBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    // The host: where data lives, logs, database, several nodes, health, client limits, pages, security.
    builder.Services.AddSingleton(TimeProvider.System); // the clock; tests put a fake one in its place
    builder.Services.AddStorage();
    builder.Services.AddSerilogLogging();
    builder.Services.AddDatabase(builder.Configuration);
    builder.AddCluster(); // before the output cache: with Redis configured, its store takes the in-memory one's place
    builder.Services.AddHealthEndpoints();
    builder.Services.AddClientLimits();
    builder.AddPages();
    builder.AddSecurity();

    // The features.
    builder.Services.AddSite();
    builder.Services.AddChannels();
    builder.Services.AddPublicCache();
    builder.Services.AddMedia();
    builder.Services.AddArticles();
    builder.Services.AddAccounts();
    builder.Services.AddNewsroom();
    builder.Services.AddTipOffs();
    builder.Services.AddChinese();
    builder.Services.AddSearch();
    builder.Services.AddFeeds();
    builder.Services.AddImport();

    // Background work, started in this order with the host (not for verbs).
    builder.Services.AddBackgroundWork<ChangeListener>();     // with Redis: drops in-memory copies when another node changes content
    builder.Services.AddBackgroundWork<ScheduledPublisher>(); // publishes due stories at start, then every Newsroom:SchedulerSeconds
    builder.Services.AddBackgroundWork<SearchIndexCatchUp>(); // indexes what was saved while the index could not be written
    builder.Services.AddBackgroundWork<LinkSubmitter>();      // offers new stories to search engines (off by default)
    builder.Services.AddBackgroundWork<ViewFlushService>();   // writes buffered view counts, prunes old hourly buckets

    var app = builder.Build();
    app.Services.GetRequiredService<IStartupValidator>().Validate(); // bad settings stop us before any work
    if (Verbs.Find(args) is { } verb)
    {
        return await verb.RunAsync(app);
    }

    await app.PrepareDatabaseAsync();          // migrate (unless turned off), seed content/ into an empty database
    await app.Services.EnsureFirstAdminAsync(); // roles, and the first admin on a database without one

    // The request pipeline, in order.
    app.UseMiddleware<TraditionalPaths>();      // /zh-hant/… is served by the Simplified route, marked for conversion
    app.UseRouting();                           // chooses the endpoint: what follows may read its metadata
    app.UseHealthEndpoints();                   // /healthz, /readyz: never logged, limited or cached
    if (!app.Environment.IsDevelopment())
    {
        app.UseHsts();                          // only ever sent on HTTPS responses
    }
    app.UseMiddleware<SecurityHeaders>();       // CSP, nosniff, referrer, permissions, frames
    app.UseCookiePolicy();                      // HttpOnly, SameSite, Secure when the request is
    app.UseExceptionHandler("/error");          // the Chinese error page, never a stack trace
    app.UseStatusCodePagesWithReExecute("/error/{0}"); // the same page for a bare 4xx/5xx
    app.UseRequestLogging();                    // one event per request
    app.UseMediaFiles();                        // /media: known picture types, sandboxed
    app.UseRateLimiter();                       // 429 with Retry-After for public forms and lookups
    app.UseMiddleware<FormBodyLimits>();        // 413 for forms over their upload profile
    app.UseMiddleware<NoStoreForNewsroom>();    // /admin responses never stored
    app.UseAuthentication();
    app.UseAuthorization();                     // one rule for /admin (AddPages), stricter ones on pages
    app.UseMiddleware<MediaUploadLimit>();      // picture uploads held to Media:MaxBytes, after authorization
    app.UseMiddleware<ViewCounting>();          // outside the cache, so cached article pages still count
    app.UseOutputCache();                       // public pages from memory (or Redis), evicted by tag
    app.UseMiddleware<PageETags>();             // strong ETags and 304s, stored with the cached page
    app.UseWhen(PageCompression.Applies, branch => branch.UseResponseCompression()); // public pages, compressed once
    app.UseMiddleware<TraditionalConversion>(); // inside the cache: the converted page is what is stored

    // The endpoints.
    app.MapReaderPreferences();                 // /prefs/…: 字号, 高对比度, 简洁模式, 简/繁
    app.MapShareCodes();                        // /qr/{number}.svg
    app.MapFeeds();                             // RSS, sitemaps, robots.txt
    app.MapStaticAssets();
    app.MapRazorPages().WithStaticAssets();
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    Log.Fatal("配置有误，站点未启动：{Failures}", string.Join("；", e.Failures));
    return 2;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "Suzhou.News stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
