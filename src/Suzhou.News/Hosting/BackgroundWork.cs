using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Suzhou.News.Hosting;

public static class BackgroundWork
{
    /// <summary>
    /// Runs <typeparamref name="T"/> with the host, as the same instance the feature's own services see (a feature
    /// may already have registered it as a singleton).
    /// </summary>
    public static IServiceCollection AddBackgroundWork<T>(this IServiceCollection services) where T : class, IHostedService
    {
        services.TryAddSingleton<T>();
        return services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
