using System.Globalization;

namespace Suzhou.News.Articles;

/// <summary>Numbered pagination for lists. Page 1 has no <c>?page=</c> so it has one canonical URL.</summary>
public sealed record Paging(int Page, int PageSize, int TotalItems, string BasePath)
{
    public int TotalPages => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);
    public int Skip => (Page - 1) * PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;

    public string UrlFor(int page) => page <= 1 ? BasePath
        : string.Create(CultureInfo.InvariantCulture, $"{BasePath}{(BasePath.Contains('?', StringComparison.Ordinal) ? '&' : '?')}page={page}");

    /// <summary>The page numbers to show, with null for a gap: 1 … 4 5 [6] 7 8 … 20.</summary>
    public IEnumerable<int?> Window(int around = 2)
    {
        var last = TotalPages;
        int? previous = null;
        for (var p = 1; p <= last; p++)
        {
            if (p == 1 || p == last || Math.Abs(p - Page) <= around)
            {
                if (previous is { } prev && p - prev > 1)
                {
                    yield return null;
                }
                yield return p;
                previous = p;
            }
        }
    }

    /// <summary>The requested page of a list of <paramref name="totalItems"/>, or null (answer 404) when <c>?page=</c> is not a positive whole number or lies past the last page.</summary>
    public static Paging? For(int totalItems, string? pageText, int pageSize, string basePath)
    {
        if (ParsePage(pageText) is not { } page)
        {
            return null;
        }
        var paging = new Paging(page, pageSize, totalItems, basePath);
        return page > paging.TotalPages ? null : paging;
    }

    /// <summary>
    /// Reads <c>?page=</c> as a reader may type it. Missing means 1; anything that is not a positive
    /// whole number gives null (the page answers 404 rather than guessing).
    /// </summary>
    public static int? ParsePage(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }
        return text.Length <= 9 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
    }
}
