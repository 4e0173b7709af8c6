// Suzhou.News: the 拂晓新闻网 portal. Readers browse it, the newsroom publishes through it.
// This file is a contents page: one line per concern, the details live in Hosting/ and the feature folders.
using Microsoft.Extensions.Options;
using Serilog;
using Suzhou.News.Accounts;
using Suzhou.News.Chinese;
using Suzhou.News.Cluster;
using Suzhou.News.Hosting;
using Suzhou.News.Newsroom;
using Suzhou.News.Media;
using Suzhou.News.Site;
using Suzhou.News.TipOffs;
using Suzhou.News.Articles;
using Suzhou.News.Data;
using Suzhou.News.Operations;

LoggingExtensions.UseBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddNewsLogging();
    builder.Services.AddNewsData(builder.Configuration);
    builder.AddNewsCluster();
    builder.Services.AddNewsHealth();
    builder.Services.AddNewsSite();
    builder.Services.AddNewsLimits();
    builder.Services.AddNewsTipOffs();
    builder.Services.AddNewsAccounts();
    builder.Services.AddNewsroom();
    builder.Services.AddNewsOutputCache();
    builder.Services.AddNewsChinese();
    builder.Services.AddNewsMediaUploads();
    builder.Services.AddNewsSettings();
    builder.Services.AddNewsDiscovery();
    builder.AddNewsPages();
    builder.AddNewsSecurity();

    var app = builder.Build();
    app.Services.GetRequiredService<IStartupValidator>().Validate(); // bad settings stop us before any work
    if (Verbs.Find(args) is { } verb)
    {
        return await verb.RunAsync(app);
    }

    await app.PrepareDatabaseAsync();
    await app.Services.EnsureFirstAdminAsync();
    app.UseNewsHealth();
    app.UseNewsSecurityHeaders();
    app.UseNewsErrorPages();
    app.UseNewsRequestLogging();
    app.UseNewsMedia();
    app.UseNewsLimits();
    app.MapStaticAssets();
    app.UseNewsAccounts();
    app.UseNewsMediaUploads();
    app.UseViewCounting(); // outside the cache, so cached article pages still count
    app.UseNewsOutputCache();
    app.UseTraditionalConversion();
    app.MapReaderPreferences();
    app.MapNewsDiscovery();
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
