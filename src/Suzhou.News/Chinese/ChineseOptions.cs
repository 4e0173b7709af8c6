namespace Suzhou.News.Chinese;

/// <summary>Settings for Chinese-language reading: the 繁體 pages and pinyin for hard place names.</summary>
public sealed class ChineseOptions
{
    public const string Section = "Chinese";

    /// <summary>Serve every public page in Traditional characters under <c>/zh-hant/</c>.</summary>
    public bool TraditionalPages { get; set; } = true;

    /// <summary>Annotate the first mention of each gazetteer place in an article with pinyin (<c>&lt;ruby&gt;</c>).</summary>
    public bool PinyinRuby { get; set; } = true;

    /// <summary>Place name → pinyin, one syllable per character separated by spaces, e.g. 埇桥 → "yǒng qiáo".</summary>
    public Dictionary<string, string> Gazetteer { get; set; } = [];
}
