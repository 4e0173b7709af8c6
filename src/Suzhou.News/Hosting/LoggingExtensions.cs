using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Suzhou.News.Operations;

namespace Suzhou.News.Hosting;

public static class LoggingExtensions
{
    /// <summary>The logger used until the host is built: console only.</summary>
    public static void UseBootstrapLogger() =>
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    /// <summary>
    /// Serilog from configuration (<c>Serilog</c> section), to the console and to a daily file in the data folder.
    /// Each host gets its own logger, so several hosts in one process (tests) do not share one.
    /// </summary>
    public static IServiceCollection AddSerilogLogging(this IServiceCollection services) =>
        services.AddSerilog((sp, logger) => logger
            .ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>())
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(
                Path.Combine(sp.GetRequiredService<IOptions<StorageOptions>>().Value.LogsPath, "suzhou-news-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

    /// <summary>
    /// One event per request, through the host's logger: the static logger is the console-only bootstrap one
    /// (we keep it for start-up), so without this the request events would skip the file and the configured levels.
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        return app;
    }
}
