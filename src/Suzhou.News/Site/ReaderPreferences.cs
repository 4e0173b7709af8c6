namespace Suzhou.News.Site;


/// <summary>
/// 字号 (text size), chosen by plain links that set a cookie: works without JavaScript and persists.
/// </summary>
public static class ReaderPreferences
{
    public const string TextSizeCookie = "text-size";

    public static readonly IReadOnlyList<(string Value, string Label)> TextSizes = [("l", "大"), ("m", "中"), ("s", "小")];

    /// <summary>The reader's text size: <c>s</c>, <c>m</c> (default) or <c>l</c>.</summary>
    public static string TextSize(this HttpContext context) =>
        context.Request.Cookies[TextSizeCookie] switch
        {
            "s" => "s",
            "l" => "l",
            _ => "m",
        };

    /// <summary>Every preference that changes a page's HTML, as one output-cache key part.</summary>
    public static string CacheKey(HttpContext context) => context.TextSize();

    public static string TextSizeUrl(string size, string returnUrl) =>
        $"/prefs/text-size/{size}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapReaderPreferences(this IEndpointRouteBuilder app)
    {
        app.MapGet("/prefs/text-size/{size:regex(^[sml]$)}", (string size, string? returnUrl, HttpContext context) =>
        {
            context.Response.Cookies.Append(TextSizeCookie, size, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });
        return app;
    }

    /// <summary>Only paths on this site: "/x", not "//host" or "/\host".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
