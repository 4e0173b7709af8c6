using Suzhou.News.Import.Legacy;

namespace Suzhou.News.Import;

public static class ImportExtensions
{
    /// <summary>The <c>content/</c> importer (also the first start's seed) and the legacy archive importer.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddSingleton<ContentImporter>();
        services.AddSingleton<LegacyImporter>();
        return services;
    }
}
