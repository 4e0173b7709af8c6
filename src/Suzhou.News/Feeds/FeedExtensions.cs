using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Suzhou.News.Channels;
using Suzhou.News.Site;

namespace Suzhou.News.Feeds;

public static class FeedExtensions
{
    /// <summary>RSS, sitemaps and the link-submission queue.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddOptions<FeedOptions>()
            .BindConfiguration(FeedOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<LinkSubmissionOptions>()
            .BindConfiguration(LinkSubmissionOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _),
                "LinkSubmission:Endpoint 必须是绝对地址（启用链接推送时）")
            .Validate<IOptions<SiteOptions>>((o, site) => !o.Enabled || !string.IsNullOrWhiteSpace(site.Value.BaseUrl),
                "启用 LinkSubmission 时必须设置 Site:BaseUrl（推送的链接须为绝对地址）")
            .ValidateOnStart();
        services.AddScoped<RssFeeds>();
        services.AddScoped<Sitemaps>();
        services.AddHttpClient(LinkSubmitter.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<LinkSubmitter>();
        services.AddSingleton<ILinkSubmitter>(sp => sp.GetRequiredService<LinkSubmitter>());
        return services;
    }

    /// <summary><c>/rss.xml</c>, <c>/channel/{slug}/rss.xml</c>, <c>/sitemap.xml</c>, <c>/sitemaps/*.xml</c>, <c>/robots.txt</c>.</summary>
    public static WebApplication MapFeeds(this WebApplication app)
    {
        const string Xml = "application/xml; charset=utf-8";

        // Feeds and sitemaps come from the output cache like pages, and leave it when a story changes.
        var cached = app.MapGroup("").CacheOutput(PublicPagePolicy.Feed);
        cached.MapGet("/rss.xml", async (HttpContext context, RssFeeds feeds, CancellationToken ct) =>
            await RssAsync(context, feeds, null, ct));

        cached.MapGet("/channel/{slug:regex(^[a-z0-9-]{{1,40}}$)}/rss.xml", async (string slug, HttpContext context, RssFeeds feeds, ChannelCatalog catalog, CancellationToken ct) =>
        {
            var channel = (await catalog.GetAsync(ct)).BySlug(slug);
            return channel is null || channel.Kind == ChannelKind.Topics
                ? Results.NotFound()
                : await RssAsync(context, feeds, channel, ct);
        });

        cached.MapGet("/sitemap.xml", (HttpContext context, Sitemaps sitemaps, CancellationToken ct) =>
            Buffered(context, Xml, async buffer => { await sitemaps.WriteIndexAsync(context, buffer, ct); return true; }));
        cached.MapGet("/sitemaps/pages.xml", (HttpContext context, Sitemaps sitemaps, CancellationToken ct) =>
            Buffered(context, Xml, async buffer => { await sitemaps.WritePagesAsync(context, buffer, ct); return true; }));
        cached.MapGet("/sitemaps/news.xml", (HttpContext context, Sitemaps sitemaps, CancellationToken ct) =>
            Buffered(context, Xml, async buffer => { await sitemaps.WriteNewsAsync(context, buffer, ct); return true; }));
        cached.MapGet("/sitemaps/articles-{page:int:min(1)}.xml", (int page, HttpContext context, Sitemaps sitemaps, CancellationToken ct) =>
            Buffered(context, Xml, buffer => sitemaps.WriteArticlesAsync(context, page, buffer, ct)));

        cached.MapGet("/robots.txt", (HttpContext context, IOptions<SiteOptions> site, IOptions<FeedOptions> feeds) =>
        {
            var robots = new StringBuilder()
                .AppendLine("User-agent: *")
                .AppendLine("Disallow: /admin")
                .AppendLine("Disallow: /search")
                .AppendLine("Disallow: /prefs/")
                .AppendLine("Disallow: /qr/")
                .AppendLine()
                .Append("Sitemap: ").AppendLine(context.Absolute(site.Value, "/sitemap.xml"))
                .Append("Sitemap: ").AppendLine(context.Absolute(site.Value, "/sitemaps/news.xml"));
            CacheFor(context, feeds.Value);
            return Results.Text(robots.ToString(), "text/plain; charset=utf-8");
        });
        return app;
    }

    static async Task<IResult> RssAsync(HttpContext context, RssFeeds feeds, ChannelNode? channel, CancellationToken ct)
    {
        var feed = await feeds.BuildAsync(context, channel, ct);
        using var buffer = new MemoryStream();
        await RssFeeds.WriteAsync(feed, buffer);
        CacheFor(context, context.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value);
        return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    static async Task<IResult> Buffered(HttpContext context, string contentType, Func<Stream, Task<bool>> write)
    {
        using var buffer = new MemoryStream();
        if (!await write(buffer))
        {
            return Results.NotFound();
        }
        CacheFor(context, context.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value);
        return Results.Bytes(buffer.ToArray(), contentType);
    }

    static void CacheFor(HttpContext context, FeedOptions options) =>
        context.Response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.CacheSeconds}");
}
