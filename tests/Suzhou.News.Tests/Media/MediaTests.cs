using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using Suzhou.News.Accounts;
using Suzhou.News.Data;
using Suzhou.News.Media;
using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Media;

/// <summary>The media library: uploads are decoded, cleaned and re-encoded; anything else is refused with a clear message.</summary>
public sealed class MediaTests : IDisposable
{
    const int MaxBytes = 200 * 1024;

    readonly NewsApp _app = new(new()
    {
        ["Database:SeedOnStartup"] = "false",
        ["Media:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Media:MaxPixels"] = "4000000",
    });

    public void Dispose() => _app.Dispose();

    string MediaFolder => Path.Combine(_app.DataPath, "media");

    static Dictionary<string, string> Fields(string alt = "宿州东站候车大厅", string caption = "早高峰的候车大厅", string credit = "李航") => new()
    {
        ["Input.Alt"] = alt,
        ["Input.Caption"] = caption,
        ["Input.Credit"] = credit,
    };

    static byte[] Jpeg(int width, int height, bool withGps = false)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(180, 40, 40));
        if (withGps)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Artist, "secret photographer");
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        }
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    static byte[] Png(int width, int height, byte alpha = 255)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(20, 90, 160, alpha));
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder());
        return output.ToArray();
    }

    static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType, Dictionary<string, string>? fields = null, string page = "/admin/media") =>
        client.SubmitAsync(page, fields ?? Fields(), "form.upload-form", files: [new FormFile("Upload", fileName, content, contentType)]);

    async Task<List<MediaAsset>> AssetsAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().MediaAssets.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Reporter_uploads_a_photo_that_is_stored_under_a_random_name_with_smaller_copies_and_no_exif()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter, name: "李航");

        var response = await UploadAsync(reporter, Jpeg(1600, 1000, withGps: true), "IMG_0001.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var asset = Assert.Single(await AssetsAsync());
        Assert.Equal(".jpg", asset.Extension);
        Assert.DoesNotContain("IMG_0001", asset.StoredName, StringComparison.Ordinal);
        Assert.Equal("IMG_0001.jpg", asset.OriginalFileName);
        Assert.Equal([320, 640, 1280], asset.VariantWidths);
        Assert.Equal((1600, 1000), (asset.Width, asset.Height));
        foreach (var file in new[] { asset.FileName, $"{asset.StoredName}-320.jpg", $"{asset.StoredName}-640.jpg", $"{asset.StoredName}-1280.jpg" })
        {
            var info = await Image.IdentifyAsync(Path.Combine(MediaFolder, file));
            Assert.Null(info.Metadata.ExifProfile);
        }
        Assert.Equal(640, (await Image.IdentifyAsync(Path.Combine(MediaFolder, $"{asset.StoredName}-640.jpg"))).Width);

        var library = await reporter.GetPageAsync(response.Headers.Location!.OriginalString);
        var card = library.One(".media-card.just-uploaded");
        Assert.Equal("宿州东站候车大厅", card.One(".media-alt").Text());
        Assert.Contains("摄影：李航", card.Text());
        Assert.Equal($"![宿州东站候车大厅]({asset.Url} \"早高峰的候车大厅 （摄影：李航）\")", card.One("input.snippet-text").GetAttribute("value"));
        Assert.Equal($"/media/{asset.StoredName}-320.jpg", card.One("img").GetAttribute("src"));

        var served = await _app.CreateReader().GetAsync(asset.Url);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Uploaded_picture_in_an_article_body_gets_srcset_and_its_size()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        await UploadAsync(reporter, Jpeg(1600, 1000), "station.jpg", "image/jpeg");
        var asset = Assert.Single(await AssetsAsync());

        var html = _app.Services.GetRequiredService<MarkdownRenderer>().Render($"![候车大厅]({asset.Url} \"早高峰\")").Html;

        Assert.Contains("width=\"1600\"", html, StringComparison.Ordinal);
        Assert.Contains("height=\"1000\"", html, StringComparison.Ordinal);
        Assert.Contains($"srcset=\"/media/{asset.StoredName}-320.jpg 320w, /media/{asset.StoredName}-640.jpg 640w, /media/{asset.StoredName}-1280.jpg 1280w, {asset.Url} 1600w\"", html, StringComparison.Ordinal);
        Assert.Contains("sizes=", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>早高峰</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transparent_png_stays_png_and_a_gif_becomes_a_jpeg_of_its_first_frame()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        using var gif = new Image<Rgba32>(200, 100, new Rgba32(10, 200, 10, 255));
        gif.Frames.AddFrame(new Image<Rgba32>(200, 100, new Rgba32(200, 10, 10, 255)).Frames.RootFrame);
        using var gifBytes = new MemoryStream();
        await gif.SaveAsync(gifBytes, new GifEncoder());

        await UploadAsync(reporter, Png(300, 200, alpha: 100), "logo.png", "image/png");
        await UploadAsync(reporter, gifBytes.ToArray(), "anim.gif", "image/gif");

        var assets = await AssetsAsync();
        Assert.Equal(".png", assets.Single(a => a.OriginalFileName == "logo.png").Extension);
        var still = assets.Single(a => a.OriginalFileName == "anim.gif");
        Assert.Equal(".jpg", still.Extension);
        Assert.Empty(still.VariantWidths); // narrower than every copy width
    }

    [Fact]
    public async Task Svg_upload_is_refused_with_a_message_next_to_the_file_field()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray();

        var page = await Html.ParseAsync(await UploadAsync(reporter, svg, "map.svg", "image/svg+xml"));

        Assert.Contains("不接受 SVG", page.One("[data-valmsg-for='Upload']").Text());
        Assert.Equal("宿州东站候车大厅", page.One("input[name='Input.Alt']").GetAttribute("value"));
        Assert.Empty(await AssetsAsync());
    }

    [Fact]
    public async Task Html_renamed_to_jpg_is_refused_as_not_a_picture()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var html = "<!DOCTYPE html><html><body><script>steal()</script></body></html>"u8.ToArray();

        var page = await Html.ParseAsync(await UploadAsync(reporter, html, "photo.jpg", "image/jpeg"));

        Assert.Contains("不是图片", page.One("[data-valmsg-for='Upload']").Text());
        Assert.Empty(await AssetsAsync());
        Assert.False(Directory.Exists(MediaFolder) && Directory.EnumerateFiles(MediaFolder).Any());
    }

    [Theory]
    [InlineData("report.pdf", "%PDF-1.7\n1 0 obj\n", "PDF")]
    [InlineData("noise.jpg", "\u00ff\u00d8\u00ff\u00e0 not really a jpeg at all", "不是")]
    [InlineData("notes.webp", "plain text pretending", "不是图片")]
    public async Task Other_files_are_refused_with_a_clear_message(string fileName, string content, string expected)
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);

        var response = await UploadAsync(reporter, System.Text.Encoding.Latin1.GetBytes(content), fileName, "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, (await Html.ParseAsync(response)).One("[data-valmsg-for='Upload']").Text());
        Assert.Empty(await AssetsAsync());
    }

    [Fact]
    public async Task Picture_with_too_many_pixels_is_refused_before_decoding()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);

        var page = await Html.ParseAsync(await UploadAsync(reporter, Png(2100, 2000), "huge.png", "image/png"));

        Assert.Contains("图片尺寸过大", page.One("[data-valmsg-for='Upload']").Text());
        Assert.Empty(await AssetsAsync());
    }

    [Fact]
    public async Task Oversized_upload_gets_the_chinese_413_page()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var tooBig = new byte[MaxBytes + 1];
        Random.Shared.NextBytes(tooBig);

        var response = await UploadAsync(reporter, tooBig, "big.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("提交的内容过大", page.One("h1").Text());
        Assert.Contains("200 KB", page.One(".error-page").Text());
        Assert.Empty(await AssetsAsync());
    }

    [Fact]
    public async Task Upload_far_over_the_limit_is_refused_from_its_length_alone()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);

        var response = await UploadAsync(reporter, new byte[3 * MaxBytes], "bigger.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("提交的内容过大", (await Html.ParseAsync(response)).One("h1").Text());
    }

    [Fact]
    public async Task Upload_without_alt_text_or_file_explains_next_to_each_field_and_keeps_what_was_typed()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);

        var page = await Html.ParseAsync(await reporter.SubmitAsync("/admin/media", Fields(alt: ""), "form.upload-form"));

        Assert.Contains("替代文字", page.One("[data-valmsg-for='Input.Alt']").Text());
        Assert.Contains("请选择", page.One("[data-valmsg-for='Upload']").Text());
        Assert.Equal("李航", page.One("input[name='Input.Credit']").GetAttribute("value"));
    }

    [Fact]
    public async Task Upload_without_the_antiforgery_token_is_refused()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("替代文字"), "Input.Alt" },
            { new ByteArrayContent(Jpeg(100, 100)), "Upload", "a.jpg" },
        };

        var response = await reporter.PostAsync("/admin/media", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await AssetsAsync());
    }

    [Fact]
    public async Task Anonymous_upload_is_sent_to_the_login_page()
    {
        var response = await _app.CreateReader().PostAsync("/admin/media", new MultipartFormDataContent { { new ByteArrayContent(new byte[10]), "Upload", "a.jpg" } });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reporter_sees_no_delete_button_and_cannot_reach_or_post_the_delete_page()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        await UploadAsync(reporter, Jpeg(400, 300), "a.jpg", "image/jpeg");
        var asset = Assert.Single(await AssetsAsync());

        var library = await reporter.GetPageAsync("/admin/media");
        Assert.Empty(library.QuerySelectorAll(".media-card .button.danger"));
        var get = await reporter.GetAsync($"/admin/media/delete/{asset.Id}");
        var post = await reporter.PostWithTokenAsync("/admin/media", $"/admin/media/delete/{asset.Id}", new Dictionary<string, string>());

        Assert.Contains("/admin/account/denied", get.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/admin/account/denied", post.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Null(Assert.Single(await AssetsAsync()).DeletedAt);
        Assert.True(File.Exists(Path.Combine(MediaFolder, asset.FileName)));
    }

    [Fact]
    public async Task Editor_deletes_a_picture_only_after_the_confirmation_step()
    {
        var editor = await _app.SignInAsNewAsync(Roles.Editor);
        await UploadAsync(editor, Jpeg(800, 600), "a.jpg", "image/jpeg");
        var asset = Assert.Single(await AssetsAsync());

        var library = await editor.GetPageAsync("/admin/media");
        var confirmUrl = library.One(".media-card .button.danger").GetAttribute("href")!;
        var confirm = await editor.GetPageAsync(confirmUrl);
        Assert.Contains("确认删除", confirm.One("main form button").Text());
        Assert.True(File.Exists(Path.Combine(MediaFolder, asset.FileName)));

        var response = await editor.SubmitAsync(confirmUrl, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(Assert.Single(await AssetsAsync()).DeletedAt);
        Assert.False(File.Exists(Path.Combine(MediaFolder, asset.FileName)));
        Assert.False(File.Exists(Path.Combine(MediaFolder, $"{asset.StoredName}-320.jpg")));
        Assert.Empty((await editor.GetPageAsync("/admin/media")).QuerySelectorAll(".media-card"));
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<NewsDbContext>().AuditEntries.AnyAsync(e => e.Action == AuditActions.MediaDeleted));
    }

    [Fact]
    public async Task Picker_links_back_to_the_calling_page_with_the_chosen_path()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        await UploadAsync(reporter, Jpeg(400, 300), "a.jpg", "image/jpeg");
        var asset = Assert.Single(await AssetsAsync());

        var picker = await reporter.GetPageAsync("/admin/media?pick=cover&returnUrl=%2Fadmin%2Farticles%2Fedit%2F5%3Ftab%3Dmain");
        var foreign = await reporter.GetPageAsync("/admin/media?pick=cover&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal($"/admin/articles/edit/5?tab=main&cover={Uri.EscapeDataString(asset.Url)}&coverId={asset.Id}",
            picker.One(".media-card a.button.primary").GetAttribute("href"));
        Assert.Empty(foreign.QuerySelectorAll(".media-card a.button.primary"));
    }

    [Fact]
    public async Task Library_search_finds_pictures_by_caption_and_credit()
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        await UploadAsync(reporter, Jpeg(400, 300), "a.jpg", "image/jpeg", Fields("砀山梨花", "梨花盛开", "王芳"));
        await UploadAsync(reporter, Jpeg(400, 300), "b.jpg", "image/jpeg", Fields("萧县书画", "书画展", "张伟"));

        var byCredit = await reporter.GetPageAsync("/admin/media?q=" + Uri.EscapeDataString("王芳"));
        var byCaption = await reporter.GetPageAsync("/admin/media?q=" + Uri.EscapeDataString("书画展"));

        Assert.Equal("砀山梨花", Assert.Single(byCredit.QuerySelectorAll(".media-card")).One(".media-alt").Text());
        Assert.Equal("萧县书画", Assert.Single(byCaption.QuerySelectorAll(".media-card")).One(".media-alt").Text());
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbled")]
    [InlineData("png-header-only")]
    public async Task Damaged_pictures_never_give_a_server_error(string damage)
    {
        var reporter = await _app.SignInAsNewAsync(Roles.Reporter);
        var jpeg = Jpeg(800, 600);
        var bytes = damage switch
        {
            "truncated" => jpeg[..(jpeg.Length / 3)],
            "garbled" => [.. jpeg[..20], .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 37))],
            _ => Png(10, 10)[..33],
        };

        var response = await UploadAsync(reporter, bytes, "damaged.jpg", "image/jpeg");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Uploader_fixes_the_alt_text_but_another_reporter_cannot_open_it()
    {
        var uploader = await _app.SignInAsNewAsync(Roles.Reporter);
        var other = await _app.SignInAsNewAsync(Roles.Reporter);
        await UploadAsync(uploader, Jpeg(400, 300), "a.jpg", "image/jpeg");
        var asset = Assert.Single(await AssetsAsync());

        Assert.Empty((await other.GetPageAsync("/admin/media")).QuerySelectorAll(".media-card .edit-link"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/media/edit/{asset.Id}")).StatusCode);
        var forged = await other.PostWithTokenAsync("/admin/media", $"/admin/media/edit/{asset.Id}", new Dictionary<string, string> { ["Input.Alt"] = "被改掉" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var edit = (await uploader.GetPageAsync("/admin/media")).One(".media-card .edit-link").GetAttribute("href")!;
        var response = await uploader.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Alt"] = "宿州东站进站口" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("宿州东站进站口", Assert.Single(await AssetsAsync()).Alt);
    }
}
