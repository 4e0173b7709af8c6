using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Suzhou.News.Pages;

namespace Suzhou.News.Media;

/// <summary>
/// Reads upload forms itself, before the page's antiforgery check and model binding, with the body capped at
/// <c>Media:MaxBytes</c>: an oversized upload answers the Chinese 413 page instead of a 500, a 400 from the
/// antiforgery check, or a page that quietly lost its file. Runs after authorization, so anonymous bodies are
/// never read.
/// </summary>
public sealed class MediaUploadLimit(RequestDelegate next, IOptions<MediaOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.HasFormContentType
            && context.GetEndpoint()?.Metadata.GetMetadata<MediaUploadAttribute>() is not null)
        {
            var max = options.Value.MaxBytes;
            if (request.ContentLength > max + MediaExtensions.FormAllowance)
            {
                TooLarge(context, max);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = max + MediaExtensions.FormAllowance;
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
    }

    static void TooLarge(HttpContext context, long max)
    {
        context.Items[ErrorModel.DetailKey] = MediaUploads.TooLargeMessage(max);
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }
}
