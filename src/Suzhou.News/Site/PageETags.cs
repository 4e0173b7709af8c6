using System.Security.Cryptography;
using Suzhou.News.Hosting;

namespace Suzhou.News.Site;

/// <summary>
/// Strong ETags for the pages the output cache covers, computed once when a page is rendered and stored with it, so
/// a reader's repeat visit is a 304 whether the page came from the cache or not.
/// </summary>
public sealed class PageETags(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.IsCachedPage())
        {
            await next(context);
            return;
        }
        using var buffer = await context.CaptureBodyAsync(() => next(context));
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = "\"" + Convert.ToBase64String(SHA256.HashData(buffer.Bytes().Span)[..12]) + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(etag, StringComparison.Ordinal)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }
        await context.SendBodyAsync(buffer.Bytes());
    }
}
