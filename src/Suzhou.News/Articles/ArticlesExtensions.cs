using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Suzhou.News.Data;
using Suzhou.News.Media;
using Suzhou.News.Site;

namespace Suzhou.News.Articles;

public static class ArticlesExtensions
{
    /// <summary>
    /// The Markdown renderer (bodies are rendered when saved), list facts kept in memory, view counting (in memory,
    /// flushed by <see cref="ViewFlushService"/>) and 排行.
    /// </summary>
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var media = sp.GetRequiredService<MediaLibrary>();
            return new MarkdownRenderer(media.SizeOf, media.VariantsOf);
        });
        services.AddSingleton<ArticleWriter>();
        services.AddSingleton<ListFacts>();
        services.AddOptions<ReadingOptions>()
            .BindConfiguration(ReadingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<ViewFlushService>();
        services.AddScoped<MostRead>();
        return services;
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
