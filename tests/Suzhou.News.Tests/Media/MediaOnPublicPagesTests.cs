using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Site;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Media;

/// <summary>Uploaded pictures on reader pages: a cover offers its smaller copies, seed drawings stay as they are.</summary>
public sealed class MediaOnPublicPagesTests : IDisposable
{
    readonly NewsApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Uploaded_cover_offers_its_smaller_copies_and_a_seed_drawing_does_not()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        using var image = new Image<Rgb24>(1600, 900, new Rgb24(40, 90, 160));
        using var bytes = new MemoryStream();
        await image.SaveAsync(bytes, new JpegEncoder());
        await reporter.SubmitAsync("/admin/media", new Dictionary<string, string> { ["Input.Alt"] = "新汴河夜景" }, "form.upload-form",
            files: [new FormFile("Upload", "night.jpg", bytes.ToArray(), "image/jpeg")]);
        var reader = _app.CreateReader();
        var before = (await reader.GetPageAsync(SeedArticles.Headline)).One(".article-cover img");
        Assert.Null(before.GetAttribute("srcset"));

        string url;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            url = (await db.MediaAssets.SingleAsync()).Url;
            var article = await db.Articles.SingleAsync(a => a.Number == 246001);
            article.Cover = new CoverImage { Src = url, Alt = "新汴河夜景", Width = 1600, Height = 900 };
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<PublicCache>().ArticleChangedAsync(246001);
        }

        var cover = (await reader.GetPageAsync(SeedArticles.Headline)).One(".article-cover img");

        var stem = url[..^4];
        Assert.Equal($"{stem}-320.jpg 320w, {stem}-640.jpg 640w, {stem}-1280.jpg 1280w, {url} 1600w", cover.GetAttribute("srcset"));
        Assert.NotNull(cover.GetAttribute("sizes"));
        Assert.Null(cover.GetAttribute("srcset-sizes"));
    }
}
