using System.Globalization;
using Suzhou.News.Site;

namespace Suzhou.News.Articles;

/// <summary>The source site's article URL: <c>/xw/content/2026-11/28/content_246001.html</c>.</summary>
public static class ArticlePath
{
    public const string Prefix = "xw";

    public static string For(int number, DateTime firstPublishedUtc)
    {
        var local = BeijingTime.FromUtc(firstPublishedUtc);
        return string.Create(CultureInfo.InvariantCulture,
            $"/{Prefix}/content/{local:yyyy-MM}/{local:dd}/content_{number}.html");
    }
}
