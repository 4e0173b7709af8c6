using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Suzhou.News.Site;

/// <summary>
/// Brotli or gzip for public pages, applied inside the output cache: a page is compressed once when it is rendered,
/// and every reader after that gets the stored compressed bytes. Newsroom pages are never compressed (they carry
/// antiforgery tokens, and compressing secrets beside reflected input is how BREACH works).
/// </summary>
public static class PageCompression
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // only public pages reach it: see Applies and Program.cs
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "application/rss+xml", "application/xml", "text/xml", "text/plain"];
        });
        // Optimal, not SmallestSize: Brotli's smallest cost ~40 ms more per rendered page here (measured), and
        // every cache miss — the first reader after a publish — would wait for it.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Whether a response is compressed: public pages the output cache covers, unless <c>OutputCache:Compress</c>
    /// is off. Newsroom pages never are.
    /// </summary>
    public static bool Applies(HttpContext context) =>
        context.IsCachedPage() && context.RequestServices.GetRequiredService<IOptions<PublicCacheOptions>>().Value.Compress;

    /// <summary>
    /// The coding this request will get, for the output-cache key: the same choice the compression middleware
    /// makes (highest q, Brotli before gzip on a tie), so one cache entry exists per coding, not per header spelling.
    /// </summary>
    public static string Preferred(HttpRequest request, bool enabled)
    {
        if (!enabled || !StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted))
        {
            return "";
        }
        double Quality(string coding) =>
            accepted.Where(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || a.Value.Equals("*", StringComparison.Ordinal))
                .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var br = Quality(Brotli);
        var gzip = Quality(Gzip);
        return br > 0 && br >= gzip ? Brotli : gzip > 0 ? Gzip : "";
    }
}
