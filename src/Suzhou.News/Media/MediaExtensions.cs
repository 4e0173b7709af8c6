using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Suzhou.News.Media;

/// <summary>Marks a page whose POSTs carry picture uploads: their size is checked against <c>Media:MaxBytes</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MediaUploadAttribute : Attribute;

public static class MediaExtensions
{
    /// <summary>Room for the text fields and multipart framing on top of the picture itself.</summary>
    public const long FormAllowance = 64 * 1024;

    /// <summary>The media folder, the upload limits and the service that turns uploads into stored pictures.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Widths.Count is >= 1 and <= 8 && o.Widths.All(w => w is >= 32 and <= 10_000),
                "Media:Widths 须为 1–8 个 32–10000 之间的宽度")
            .ValidateOnStart();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<MediaUploads>();
        return services;
    }

    /// <summary>Serves the media folder at <c>/media</c>: known picture types only, never sniffed, never scripted.</summary>
    public static WebApplication UseMediaFiles(this WebApplication app)
    {
        var library = app.Services.GetRequiredService<MediaLibrary>();
        Directory.CreateDirectory(library.Root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Clear();
        foreach (var (extension, type) in MediaLibrary.ContentTypes)
        {
            types.Mappings[extension] = type;
        }
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = MediaLibrary.UrlPrefix.TrimEnd('/'),
            FileProvider = new PhysicalFileProvider(library.Root),
            ContentTypeProvider = types,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // An SVG opened directly must not run anything.
                headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
                headers.CacheControl = "public, max-age=604800";
            },
        });
        return app;
    }
}
