using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>The real site plus one route that fails, behind the site's own error handling.</summary>
public sealed class FailingApp : NewsApp
{
    public FailingApp() : base(new() { ["Database:SeedOnStartup"] = "false" }) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingRoute>());
    }
}

sealed class FailingRoute : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        // Added after the site's pipeline, so the site's exception handler is outside it.
        app.Use((HttpContext context, RequestDelegate _) => context.Request.Path == "/test/fail"
            ? throw new InvalidOperationException("secret detail from the database layer")
            : Task.CompletedTask);
    };
}
