using Microsoft.Extensions.Options;

namespace Suzhou.News.Site;

public static class SiteExtensions
{
    /// <summary>
    /// <c>Site:*</c> options with the overrides an admin makes at <c>/admin/settings</c> layered over them: every
    /// consumer of <see cref="IOptions{SiteOptions}"/> gets the layered value.
    /// </summary>
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LayeredSiteOptions>();
        // A closed registration wins over the open IOptions<> one.
        services.AddSingleton<IOptions<SiteOptions>>(sp => sp.GetRequiredService<LayeredSiteOptions>());
        return services;
    }
}
