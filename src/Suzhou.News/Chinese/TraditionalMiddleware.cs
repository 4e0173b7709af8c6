using System.Text;
using Microsoft.Extensions.Options;
using Suzhou.News.Hosting;

namespace Suzhou.News.Chinese;

/// <summary>
/// The first half of <c>/zh-hant/…</c>, ahead of routing: strips the prefix and marks the request, so every page,
/// including error pages, has a Traditional twin without the pages knowing about it. The second half is
/// <see cref="TraditionalConversion"/>, inside the output cache.
/// </summary>
public sealed class TraditionalPaths(RequestDelegate next, IOptions<ChineseOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!options.Value.TraditionalPages)
        {
            await next(context);
            return;
        }
        if (!request.Path.StartsWithSegments(ScriptVariants.Prefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            // The reader chose 繁 before: the front page takes them to its Traditional twin.
            if (request.Path == "/" && HttpMethods.IsGet(request.Method) && context.PrefersTraditional())
            {
                context.Response.Headers.CacheControl = "private, no-cache";
                context.Response.Redirect(ScriptVariants.TraditionalPath("/") + request.QueryString);
                return;
            }
            await next(context);
            return;
        }
        if (!rest.HasValue)
        {
            // "/zh-hant" → "/zh-hant/": one URL per page.
            context.Response.Redirect(ScriptVariants.TraditionalPath("/") + request.QueryString, permanent: true);
            return;
        }
        if (ScriptVariants.IsAdmin(rest))
        {
            context.Response.Redirect(rest + request.QueryString);
            return;
        }

        request.Path = rest;
        context.SetTraditional(true);
        await next(context);
    }
}

/// <summary>
/// The second half of <c>/zh-hant/…</c>, inside the output cache: converts the rendered HTML and keeps redirects
/// inside <c>/zh-hant</c>, so the cache stores the converted page and a Traditional reader is served as fast as a
/// Simplified one.
/// </summary>
public sealed class TraditionalConversion(RequestDelegate next, ChineseConverter converter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.IsTraditional())
        {
            await next(context);
            return;
        }
        using var buffer = await context.CaptureBodyAsync(() => next(context));
        var response = context.Response;
        // Checked again: a page may step out of the Traditional view (the 简 switch redirects to a Simplified page).
        if (context.IsTraditional() && response.StatusCode is >= 300 and < 400
            && response.Headers.Location.ToString() is { Length: > 0 } location && ScriptVariants.HasTraditionalTwin(location))
        {
            response.Headers.Location = ScriptVariants.TraditionalPath(location);
        }
        if (context.IsTraditional() && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && string.IsNullOrEmpty(response.Headers.ContentEncoding) && buffer.Length > 0)
        {
            var html = Encoding.UTF8.GetString(buffer.Bytes().Span);
            response.Headers.ContentLanguage = "zh-Hant";
            await context.SendBodyAsync(Encoding.UTF8.GetBytes(TraditionalHtml.Convert(html, converter)));
            return;
        }
        await context.SendBodyAsync(buffer.Bytes());
    }
}
