
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
        services.AddSingleton<TraditionalPages>();
        services.AddSingleton<IStartupFilter>(sp => sp.GetRequiredService<TraditionalPages>());
        services.AddSingleton<LegacyImporter>();
        return services;
    }

    /// <summary>Converts <c>/zh-hant</c> pages; goes inside the output cache so the converted page is what is stored.</summary>
    public static WebApplication UseTraditionalConversion(this WebApplication app)
    {
        var pages = app.Services.GetRequiredService<TraditionalPages>();
        app.Use(pages.ConvertAsync);
        return app;
    }
}
