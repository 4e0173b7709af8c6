namespace Suzhou.News.Articles;

public static class Summaries
{
    public const int DefaultLength = 110;

    /// <summary>A 导语 for articles that have none: the opening of the first paragraph, cut at a sentence end when one is near.</summary>
    public static string FromPlainText(string plainText, int maxLength = DefaultLength)
    {
        var first = plainText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        if (first.Length <= maxLength)
        {
            return first;
        }
        var cut = first[..maxLength];
        var sentenceEnd = cut.LastIndexOfAny(['。', '！', '？']);
        return sentenceEnd >= maxLength / 2 ? cut[..(sentenceEnd + 1)] : cut + "……";
    }
}
