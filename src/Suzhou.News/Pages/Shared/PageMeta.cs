using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Suzhou.News.Pages.Shared;

/// <summary>What the layout puts in &lt;head&gt;: title, description, canonical path. Pages set it, the layout reads it.</summary>
public static class PageMeta
{
    public static void SetMeta(this ViewDataDictionary viewData, string title, string? description = null, string? canonicalPath = null)
    {
        viewData["Title"] = title;
        viewData["Description"] = description;
        viewData["Canonical"] = canonicalPath;
    }

    public static string? Title(this ViewDataDictionary viewData) => viewData["Title"] as string;
    public static string? Description(this ViewDataDictionary viewData) => viewData["Description"] as string;
    public static string? Canonical(this ViewDataDictionary viewData) => viewData["Canonical"] as string;

    /// <summary>Which top-level channel the navigation bar highlights.</summary>
    public static void SetCurrentChannel(this ViewDataDictionary viewData, string? slug) => viewData["CurrentChannel"] = slug;
    public static string? CurrentChannel(this ViewDataDictionary viewData) => viewData["CurrentChannel"] as string;

    /// <summary>Shortens text for a meta description.</summary>
    public static string Clip(string? text, int max = 120) =>
        string.IsNullOrEmpty(text) ? "" : text.Length <= max ? text : text[..max] + "…";
}
