using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Suzhou.News.Hosting;

/// <summary>
/// The response hardening a fresh ASP.NET Core app lacks: a strict CSP (no inline script or style), nosniff,
/// referrer and permissions policies, no <c>Server</c> header, HSTS over HTTPS outside Development, and
/// cookies that are HttpOnly, SameSite and Secure when the request is.
/// </summary>
public static class SecurityExtensions
{
    /// <summary>Scripts and styles only from our own files; pictures also as data: URIs (the 2FA QR code).</summary>
    public const string ContentSecurityPolicy = PolicyBeforeFraming + "frame-ancestors 'none'";

    /// <summary>The same policy for a page our own pages show in a frame (the article editor's preview).</summary>
    public const string SameOriginFramingPolicy = PolicyBeforeFraming + "frame-ancestors 'self'";

    const string PolicyBeforeFraming =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; ";

    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=(), browsing-topics=()";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var services = builder.Services;
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.Secure = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sn.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<MvcOptions>(o => o.Filters.Add<AntiforgeryFailureLog>());
        return builder;
    }
}

/// <summary>
/// A page the site's own pages may show in an iframe — <c>frame-ancestors 'self'</c> and <c>X-Frame-Options:
/// SAMEORIGIN</c> instead of refusing every frame. For the article editor's preview beside the form.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AllowSameOriginFramingAttribute : Attribute;

/// <summary>A forged or stale form is a security event: log it with the client address, then let the 400 through.</summary>
public sealed partial class AntiforgeryFailureLog(ILogger<AntiforgeryFailureLog> logger) : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var http = context.HttpContext;
            Log(logger, http.Request.Method, http.Request.Path, http.User.Identity?.Name, http.Connection.RemoteIpAddress?.ToString());
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Antiforgery validation failed for {Method} {Path} by {UserName} from {ClientAddress}")]
    static partial void Log(ILogger logger, string method, string path, string? userName, string? clientAddress);
}
