using Microsoft.AspNetCore.Mvc;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using Suzhou.News.Accounts;
using Suzhou.News.Media;
using Suzhou.News.Site;
using Suzhou.News.Articles;
using Suzhou.News.Channels;

namespace Suzhou.News.Hosting;

public static class SiteExtensions
{
    /// <summary>Site options, the channel catalog, the Markdown renderer and the media library.</summary>
    public static IServiceCollection AddNewsSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChannelCatalog>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton(sp =>
        {
            var media = sp.GetRequiredService<MediaLibrary>();
            return new MarkdownRenderer(media.SizeOf, media.VariantsOf);
        });
        return services;
    }

    /// <summary>Razor Pages, writing Chinese as characters rather than <c>&amp;#x…;</c> escapes (a third smaller).</summary>
    public static WebApplicationBuilder AddNewsPages(this WebApplicationBuilder builder)
    {
        // `dotnet run` outside Development serves wwwroot through the build's static-asset manifest too;
        // without it the precompressed copies answer empty. A published app has no manifest and skips this.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorPages(o =>
        {
            // One rule for the whole newsroom: signed in with a newsroom role. Stricter checks sit on the pages.
            o.Conventions.AuthorizeAreaFolder("Admin", "/", Policies.Staff);
            o.Conventions.AllowAnonymousToAreaFolder("Admin", "/Account");
            o.Conventions.AuthorizeAreaPage("Admin", "/Account/ChangePassword", Policies.Staff);
            o.Conventions.AuthorizeAreaPage("Admin", "/Account/TwoFactor", Policies.Staff);
        });
        // Model binding's own messages (a number field that got text, an unknown option) in Chinese, next to the
        // field like every other validation message, on public forms and in the newsroom alike.
        services.Configure<MvcOptions>(mvc =>
        {
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
            messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效值");
            messages.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
            messages.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空");
            messages.SetMissingBindRequiredValueAccessor(field => $"缺少{field}");
            messages.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效值");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字");
        });
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return builder;
    }

    /// <summary>Chinese error pages for exceptions and for bare 4xx/5xx status codes; never a stack trace.</summary>
    public static WebApplication UseNewsErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    /// <summary>Serves the media folder at <c>/media</c>: known picture types only, never sniffed, never scripted.</summary>
    public static WebApplication UseNewsMedia(this WebApplication app)
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
