namespace Suzhou.News.Tests.Infrastructure;

/// <summary>Seed articles the reader tests lean on (see content/articles).</summary>
public static class SeedArticles
{
    /// <summary>The newest 头条, with a cover and a table; 要闻.</summary>
    public const string Headline = "/xw/content/2026-11/28/content_246001.html";

    /// <summary>A reprint from 新华社.</summary>
    public const string Reprint = "/xw/content/2026-11/26/content_246004.html";

    /// <summary>An article with a correction and an update time.</summary>
    public const string Corrected = "/xw/content/2026-11/22/content_246010.html";
}
