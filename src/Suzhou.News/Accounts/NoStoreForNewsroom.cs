namespace Suzhou.News.Accounts;

/// <summary>Newsroom responses are never stored by a browser or proxy: they carry drafts, names and tokens.</summary>
public sealed class NoStoreForNewsroom(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/admin"))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
