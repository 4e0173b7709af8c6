namespace Suzhou.News.Hosting;

/// <summary>
/// The headers every response carries: a strict CSP (frames only from ourselves on pages marked
/// <see cref="AllowSameOriginFramingAttribute"/>), nosniff, referrer, permissions and opener policies.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var framedBySelf = context.GetEndpoint()?.Metadata.GetMetadata<AllowSameOriginFramingAttribute>() is not null;
            // /media sets a stricter sandboxing policy of its own; keep it.
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = framedBySelf ? SecurityExtensions.SameOriginFramingPolicy : SecurityExtensions.ContentSecurityPolicy;
            }
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = SecurityExtensions.PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.XFrameOptions = framedBySelf ? "SAMEORIGIN" : "DENY"; // for browsers that predate frame-ancestors
            return Task.CompletedTask;
        });
        return next(context);
    }
}
