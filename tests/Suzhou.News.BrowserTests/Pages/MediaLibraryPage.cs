using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Pages;

/// <summary>媒体库 at <c>/admin/media</c>: the upload form, then a grid of pictures each with a ready Markdown snippet.</summary>
public sealed class MediaLibraryPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator Heading => Main.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Upload => Main.GetByRole(AriaRole.Region, new() { Name = "上传图片", Exact = true });

    public ILocator Library => Main.GetByRole(AriaRole.Region, new() { Name = "已有图片", Exact = true });

    public static async Task<MediaLibraryPage> OpenFromMenuAsync(DashboardPage dashboard)
    {
        await dashboard.Menu.GetByRole(AriaRole.Link, new() { Name = "媒体库", Exact = true }).ClickAsync();
        var media = new MediaLibraryPage(dashboard.Page);
        await Expect(media.Heading).ToHaveTextAsync("媒体库");
        return media;
    }

    /// <summary>The picture's card in the grid, found by its alternative text.</summary>
    public ILocator Card(string alt) => Library.GetByRole(AriaRole.Listitem).Filter(new()
    {
        Has = Page.GetByRole(AriaRole.Img, new() { Name = alt, Exact = true }),
    });

    /// <summary>Uploads a picture with its alt text, caption and credit; returns the Markdown the library offers for it.</summary>
    public async Task<string> UploadAsync(string fileName, byte[] jpeg, string alt, string caption, string credit)
    {
        await Upload.GetByLabel("图片文件").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "image/jpeg", Buffer = jpeg });
        await Upload.GetByLabel("替代文字").FillAsync(alt);
        await Upload.GetByLabel("图片说明").FillAsync(caption);
        await Upload.GetByLabel("摄影").FillAsync(credit);
        await Upload.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        await Expect(Main.GetByRole(AriaRole.Status).First).ToContainTextAsync("图片已上传");
        var card = Card(alt);
        await Expect(card).ToBeVisibleAsync();
        var markdown = card.GetByLabel("Markdown");
        await Expect(markdown).ToHaveValueAsync(new Regex(@"^!\[" + Regex.Escape(alt) + @"\]\(/media/"));
        return await markdown.InputValueAsync();
    }
}
