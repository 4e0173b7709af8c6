using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Articles;

public static class ReadingExtensions
{
    /// <summary>View counting (in memory, flushed by a hosted service), 排行 and share codes.</summary>
    public static IServiceCollection AddNewsReading(this IServiceCollection services)
    {
        services.AddOptions<ReadingOptions>()
            .BindConfiguration(ReadingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<ViewCounter>();
        services.AddHostedService<ViewFlushService>();
        services.AddScoped<MostRead>();
        return services;
    }

    /// <summary>
    /// Counts a view when an article page answers 200 to a GET from a reader (not a crawler). It looks at the
    /// response, not the page handler, so it keeps counting if article pages are served from an output cache.
    /// </summary>
    public static WebApplication UseViewCounting(this WebApplication app)
    {
        var counter = app.Services.GetRequiredService<ViewCounter>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsGet(context.Request.Method)
                && context.Response.StatusCode == StatusCodes.Status200OK
                && context.GetRouteValue("page") as string == "/Articles/Read"
                && int.TryParse(context.GetRouteValue("number") as string, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && !ViewCounter.IsBot(context.Request.Headers.UserAgent))
            {
                counter.Record(number);
            }
        });
        return app;
    }

    /// <summary>
    /// <c>/qr/{number}.svg</c>: a QR code of a public article's own URL, for sharing to WeChat. Only article
    /// numbers are accepted, so it never encodes text a visitor chose.
    /// </summary>
    public static WebApplication MapShareCodes(this WebApplication app)
    {
        app.MapGet("/qr/{number:int:min(1)}.svg", async (int number, HttpContext context, NewsDbContext db, IOptions<SiteOptions> site, CancellationToken ct) =>
        {
            var published = await db.Articles.AsNoTracking().Public()
                .Where(a => a.Number == number).Select(a => a.FirstPublishedAt).FirstOrDefaultAsync(ct);
            if (published is not { } at)
            {
                return Results.NotFound();
            }
            var url = context.Absolute(site.Value, ArticlePath.For(number, at));
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(data).GetGraphic(4);
            context.Response.Headers.CacheControl = "public, max-age=86400";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Text(svg, "image/svg+xml; charset=utf-8");
        });
        return app;
    }
}
