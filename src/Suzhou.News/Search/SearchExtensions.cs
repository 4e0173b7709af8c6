using Suzhou.News.Data;

namespace Suzhou.News.Search;

public static class SearchExtensions
{
    /// <summary>The index interceptor on every <see cref="NewsDbContext"/>, the search service and the start-up catch-up (run by the host, see Program.cs).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SearchIndexInterceptor>();
        // Options are built for the registered implementation, so both context types get the interceptor.
        services.ConfigureDbContext<NewsDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SearchIndexInterceptor>()));
        services.ConfigureDbContext<PostgresNewsDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<SearchIndexInterceptor>()));
        services.AddScoped<ArticleSearch>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<SearchIndexCatchUp>();
        return services;
    }

    /// <summary>The <c>search reindex</c> verb: rebuilds the index with progress, then prints a summary.</summary>
    public static async Task<int> RunVerbAsync(WebApplication app, string[] arguments, CancellationToken ct)
    {
        if (arguments is not ["reindex"])
        {
            await Console.Error.WriteLineAsync("用法：dotnet run --project src/Suzhou.News -- search reindex");
            return 64;
        }
        var progress = new ConsoleProgress("重建搜索索引");
        var report = await app.Services.GetRequiredService<SearchIndexer>().RebuildAsync(progress.Report, ct);
        Console.WriteLine(report.Summary);
        return 0;
    }
}
