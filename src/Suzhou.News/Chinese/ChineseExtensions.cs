
using Suzhou.News.Import.Legacy;

namespace Suzhou.News.Chinese;

public static class ChineseExtensions
{
    /// <summary>The converter (loaded once), the <c>/zh-hant</c> pages, the pinyin gazetteer and the legacy archive import.</summary>
    public static IServiceCollection AddNewsChinese(this IServiceCollection services)
    {
        services.AddOptions<ChineseOptions>().BindConfiguration(ChineseOptions.Section).ValidateOnStart();
        services.AddSingleton(_ => ChineseConverter.Shared);
        services.AddSingleton<PinyinRuby>();
        services.AddSingleton<IStartupFilter, TraditionalPages>();
        services.AddSingleton<LegacyImporter>();
        return services;
    }
}
