using Suzhou.News.Chinese;

namespace Suzhou.News.Site;


/// <summary>
/// Reader settings chosen by plain links that set a cookie: 字号 (text size), 高对比度 (high contrast),
/// 简洁模式 (plain reading: no sidebars) and 简/繁. They work without JavaScript and persist for a year.
/// </summary>
public static class ReaderPreferences
{
    public const string TextSizeCookie = "text-size";
    public const string ContrastCookie = "contrast";
    public const string PlainCookie = "plain";

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
    public static string CacheKey(HttpContext context) =>
        $"{(Chinese.ScriptVariants.IsTraditional(context) ? "hant" : "hans")}|{context.TextSize()}|{(context.HighContrast() ? "c" : "")}|{(context.PlainMode() ? "p" : "")}";

    /// <summary>高对比度: light text on black, yellow underlined links.</summary>
    public static bool HighContrast(this HttpContext context) => context.Request.Cookies[ContrastCookie] == "on";

    /// <summary>简洁模式: the article column alone, no sidebars or blocks beside it.</summary>
    public static bool PlainMode(this HttpContext context) => context.Request.Cookies[PlainCookie] == "on";

    public static string TextSizeUrl(string size, string returnUrl) =>
        $"/prefs/text-size/{size}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string ContrastUrl(bool on, string returnUrl) =>
        $"/prefs/contrast/{(on ? "on" : "off")}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string PlainUrl(bool on, string returnUrl) =>
        $"/prefs/plain/{(on ? "on" : "off")}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The 简/繁 switch: <c>hans</c> or <c>hant</c>, back to the same page in that script.</summary>
    public static string ScriptUrl(string script, string returnUrl) =>
        $"/prefs/script/{script}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapReaderPreferences(this IEndpointRouteBuilder app)
    {
        app.MapGet("/prefs/text-size/{size:regex(^[sml]$)}", (string size, string? returnUrl, HttpContext context) =>
            Remember(context, TextSizeCookie, size, returnUrl));
        app.MapGet("/prefs/contrast/{state:regex(^(on|off)$)}", (string state, string? returnUrl, HttpContext context) =>
            Remember(context, ContrastCookie, state, returnUrl));
        app.MapGet("/prefs/plain/{state:regex(^(on|off)$)}", (string state, string? returnUrl, HttpContext context) =>
            Remember(context, PlainCookie, state, returnUrl));
        app.MapGet("/prefs/script/{script:regex(^(hans|hant)$)}", (string script, string? returnUrl, HttpContext context) =>
        {
            // The page the reader came from, without any /zh-hant prefix, then in the chosen script.
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            if (target.StartsWith(ScriptVariants.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                target = target[ScriptVariants.Prefix.Length..] is { Length: > 0 } rest ? rest : "/";
            }
            var traditional = script == "hant";
            context.SetTraditional(false); // this redirect says exactly where to go
            return Remember(context, ScriptVariants.Cookie, script,
                traditional && ScriptVariants.HasTraditionalTwin(target) ? ScriptVariants.TraditionalPath(target) : target);
        });
        return app;
    }

    static IResult Remember(HttpContext context, string cookie, string value, string? returnUrl)
    {
        context.Response.Cookies.Append(cookie, value, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>Only paths on this site: "/x", not "//host" or "/\host".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
