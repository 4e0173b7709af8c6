using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Suzhou.News.Tests.Infrastructure;

public static class Html
{
    static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    /// <summary>Parses a response the way a browser would, so tests assert what a reader sees.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (IHtmlDocument)await Browser.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Visible text with whitespace collapsed.</summary>
    public static string Text(this INode? node) =>
        node is null ? "" : string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static IElement One(this IParentNode document, string selector) =>
        document.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No element matches “{selector}”");
}
