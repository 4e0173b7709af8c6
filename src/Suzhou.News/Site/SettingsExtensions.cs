using Microsoft.Extensions.Options;

namespace Suzhou.News.Site;

public static class SettingsExtensions
{
    /// <summary>Site settings an admin may override at <c>/admin/settings</c>, layered over <c>Site:*</c>.</summary>
    public static IServiceCollection AddNewsSettings(this IServiceCollection services)
    {
        services.AddSingleton<LayeredSiteOptions>();
        // A closed registration wins over the open IOptions<> one, so every consumer gets the layered value.
        services.AddSingleton<IOptions<SiteOptions>>(sp => sp.GetRequiredService<LayeredSiteOptions>());
        return services;
    }
}
