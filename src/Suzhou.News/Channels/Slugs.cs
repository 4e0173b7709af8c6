using System.Text.RegularExpressions;

namespace Suzhou.News.Channels;

public static partial class Slugs
{
    /// <summary>Lower-case letters, digits and hyphens, as in <c>/channel/bendi</c>.</summary>
    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();
}
