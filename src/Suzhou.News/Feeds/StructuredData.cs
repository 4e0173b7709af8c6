using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Suzhou.News.Site;

namespace Suzhou.News.Feeds;

/// <summary>
/// schema.org JSON-LD for article pages (<c>NewsArticle</c> and <c>BreadcrumbList</c>). Serialized with an encoder
/// that always escapes &lt; &gt; &amp; and quotes, so the JSON can sit inside a &lt;script&gt; element safely.
/// </summary>
public static class StructuredData
{
    static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Crumb(string Name, string Url);

    public sealed record ArticleFacts(
        string Url, string Headline, string? Description, DateTime Published, DateTime? Updated,
        IReadOnlyList<string> Authors, string? Section, string? ImageUrl, string PublisherName, string LogoUrl,
        IReadOnlyList<(DateTime At, string Text)> Corrections, IReadOnlyList<string> Keywords);

    public static string NewsArticle(ArticleFacts a)
    {
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new Dictionary<string, object?> { ["@type"] = "WebPage", ["@id"] = a.Url },
            ["url"] = a.Url,
            ["headline"] = a.Headline,
            ["description"] = a.Description,
            ["inLanguage"] = "zh-CN",
            ["datePublished"] = Iso(a.Published),
            ["dateModified"] = Iso(a.Updated is { } u && u > a.Published ? u : a.Published),
            ["author"] = a.Authors.Count == 0
                ? new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = a.PublisherName }
                : a.Authors.Select(name => new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = name }).ToList(),
            ["publisher"] = new Dictionary<string, object?>
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = a.PublisherName,
                ["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = a.LogoUrl },
            },
            ["image"] = a.ImageUrl is null ? null : new[] { a.ImageUrl },
            ["articleSection"] = a.Section,
            ["keywords"] = a.Keywords.Count == 0 ? null : string.Join(",", a.Keywords),
            ["correction"] = a.Corrections.Count == 0 ? null : a.Corrections.Select(c => new Dictionary<string, object?>
            {
                ["@type"] = "CorrectionComment",
                ["text"] = c.Text,
                ["datePublished"] = Iso(c.At),
            }).ToList(),
        };
        return JsonSerializer.Serialize(data, Json);
    }

    public static string Breadcrumbs(IReadOnlyList<Crumb> crumbs) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = crumbs.Select((c, i) => new Dictionary<string, object?>
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = c.Name,
                ["item"] = c.Url,
            }).ToList(),
        }, Json);

    /// <summary>ISO 8601 with the Beijing offset, e.g. 2026-11-28T08:30:00+08:00.</summary>
    public static string Iso(DateTime utc) =>
        new DateTimeOffset(BeijingTime.FromUtc(utc), TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}
