using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Suzhou.News.Pages;

namespace Suzhou.News.Media;

/// <summary>Marks a page whose POSTs carry picture uploads: their size is checked against <c>Media:MaxBytes</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MediaUploadAttribute : Attribute;

public static class MediaExtensions
{
    /// <summary>Room for the text fields and multipart framing on top of the picture itself.</summary>
    public const long FormAllowance = 64 * 1024;

    /// <summary>The upload limits and the service that turns uploads into stored pictures.</summary>
    public static IServiceCollection AddNewsMediaUploads(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Widths.Count is >= 1 and <= 8 && o.Widths.All(w => w is >= 32 and <= 10_000),
                "Media:Widths 须为 1–8 个 32–10000 之间的宽度")
            .ValidateOnStart();
        services.AddSingleton<MediaUploads>();
        return services;
    }

    /// <summary>
    /// Reads upload forms itself, before the page's antiforgery check and model binding, with the body capped at
    /// <c>Media:MaxBytes</c>: an oversized upload answers the Chinese 413 page instead of a 500, a 400 from the
    /// antiforgery check, or a page that quietly lost its file. Runs after authorization, so anonymous bodies are
    /// never read.
    /// </summary>
    public static WebApplication UseNewsMediaUploads(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MediaOptions>>();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsPost(request.Method)
                && request.HasFormContentType
                && context.GetEndpoint()?.Metadata.GetMetadata<MediaUploadAttribute>() is not null)
            {
                var max = options.Value.MaxBytes;
                if (request.ContentLength > max + FormAllowance)
                {
                    TooLarge(context, max);
                    return;
                }
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
                {
                    bodyLimit.MaxRequestBodySize = max + FormAllowance;
                }
                try
                {
                    // Each multipart section (the picture) is held to the limit itself.
                    await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max }, context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    TooLarge(context, max);
                    return;
                }
                catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    TooLarge(context, max);
                    return;
                }
                if (request.Form.Files.Any(f => f.Length > max))
                {
                    TooLarge(context, max);
                    return;
                }
            }
            await next(context);
        });
        return app;
    }

    static void TooLarge(HttpContext context, long max)
    {
        context.Items[ErrorModel.DetailKey] = MediaUploads.TooLargeMessage(max);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }
}
