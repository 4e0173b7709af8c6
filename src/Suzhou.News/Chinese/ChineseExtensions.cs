namespace Suzhou.News.Chinese;

public static class ChineseExtensions
{
    /// <summary>The converter (loaded once) and the pinyin gazetteer; the <c>/zh-hant</c> middlewares are in Program.cs.</summary>
    public static IServiceCollection AddChinese(this IServiceCollection services)
    {
        services.AddOptions<ChineseOptions>().BindConfiguration(ChineseOptions.Section).ValidateOnStart();
        services.AddSingleton(_ => ChineseConverter.Shared);
        services.AddSingleton<PinyinRuby>();
        return services;
    }
}
