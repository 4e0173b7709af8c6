using System.Globalization;

namespace Suzhou.News.Articles;

/// <summary>
/// Counts a view when an article page answers 200 to a GET from a reader (not a crawler). It looks at the response,
/// not the page handler, and sits outside the output cache, so pages served from the cache are counted too.
/// </summary>
public sealed class ViewCounting(RequestDelegate next, ViewCounter counter)
{
    public async Task InvokeAsync(HttpContext context)
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
    }
}
