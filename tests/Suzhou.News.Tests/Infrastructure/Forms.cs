using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>A file to attach to a multipart form.</summary>
public sealed record FormFile(string Field, string FileName, byte[] Content, string ContentType);

/// <summary>
/// Submits real forms the way a browser does: GET the page, take every field the form already carries
/// (antiforgery token included), overwrite the ones the test types, POST to the form's action.
/// </summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        string pageUrl,
        IReadOnlyDictionary<string, string> fields,
        string formSelector = "main form[method=post]",
        string? submitName = null,
        IReadOnlyList<FormFile>? files = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"{pageUrl} has no form “{formSelector}”");
        return await client.SubmitAsync(form, fields, submitName, files);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        IHtmlFormElement form,
        IReadOnlyDictionary<string, string> fields,
        string? submitName = null,
        IReadOnlyList<FormFile>? files = null)
    {
        var values = CurrentValues(form);
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = form.Action;
        if (submitName is not null)
        {
            // A named button may carry its own formaction (Razor's asp-page-handler).
            var button = form.QuerySelectorAll("button[name], button[formaction], input[type=submit]")
                .FirstOrDefault(b => b.GetAttribute("name") == submitName || b.GetAttribute("formaction")?.Contains(submitName, StringComparison.OrdinalIgnoreCase) == true)
                ?? throw new Xunit.Sdk.XunitException($"The form has no button “{submitName}”");
            if (button.GetAttribute("formaction") is { Length: > 0 } formAction)
            {
                action = new Uri(new Uri(form.BaseUri), formAction).ToString();
            }
            if (button.GetAttribute("name") is { Length: > 0 } buttonName)
            {
                values.Add(new(buttonName, button.GetAttribute("value") ?? ""));
            }
        }
        HttpContent content;
        if (files is { Count: > 0 } || string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in values)
            {
                multipart.Add(new StringContent(value), name);
            }
            foreach (var file in files ?? [])
            {
                var part = new ByteArrayContent(file.Content);
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
                multipart.Add(part, file.Field, file.FileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(values);
        }
        return await client.PostAsync(action, content);
    }

    /// <summary>Posts fields plus a fresh antiforgery token taken from <paramref name="tokenPageUrl"/>, without using that page's form.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string tokenPageUrl, string postUrl, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(tokenPageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException($"{tokenPageUrl} carries no antiforgery token");
        var values = fields.ToDictionary();
        values["__RequestVerificationToken"] = token;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    static List<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file" or "image" or "reset"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        values.Add(new(select.Name!, option.Value));
                    }
                    break;
            }
        }
        return values;
    }
}
