using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Suzhou.News.Hosting;

/// <summary>
/// The site's limits on what clients send: per-client rate limits answering 429 with <c>Retry-After</c>, and
/// request-body limits answering 413, both through the Chinese error page.
/// </summary>
public static partial class LimitsExtensions
{
    /// <summary>Rate-limit policy for posting public forms (<see cref="LimitsOptions.Forms"/>); GET is never limited.</summary>
    public const string FormsPolicy = "forms";

    /// <summary>Rate-limit policy for receipt lookups (<see cref="LimitsOptions.Lookups"/>); GET is never limited.</summary>
    public const string LookupsPolicy = "lookups";

    /// <summary>Key in <see cref="HttpContext.Items"/> holding the byte limit a 413 was answered for, so the error page can name it.</summary>
    public const string RejectedLimitItem = "Suzhou.News.RejectedBodyLimit";

    public static IServiceCollection AddClientLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>()
            .BindConfiguration(LimitsOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsValidator>();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                LogRateLimited(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LimitsExtensions)),
                    context.HttpContext.Request.Path);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(FormsPolicy, context => PerClient(context, limits => limits.Forms));
            limiter.AddPolicy(LookupsPolicy, context => PerClient(context, limits => limits.Lookups));
        });
        return services;
    }

    // One window per client address and form, so a tipster's status lookups do not use up their submissions.
    static RateLimitPartition<string> PerClient(HttpContext context, Func<LimitsOptions, RateWindow> pick)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var window = pick(context.RequestServices.GetRequiredService<IOptionsMonitor<LimitsOptions>>().CurrentValue);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var key = string.Concat(client, "|", context.Request.Path.Value?.ToLowerInvariant());
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    sealed class LimitsValidator : IValidateOptions<LimitsOptions>
    {
        public ValidateOptionsResult Validate(string? name, LimitsOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached on {Path}")]
    static partial void LogRateLimited(ILogger logger, PathString path);
}

/// <summary>
/// Reads every posted form before antiforgery and model binding do, under the endpoint's upload profile
/// (<see cref="UploadLimitsAttribute"/>) or the server's default body limit. A body that is too large, or a
/// form over the multipart limits, answers 413 through the error page instead of a 500 or a silently dropped file.
/// </summary>
public sealed partial class FormBodyLimits(RequestDelegate next, IOptionsMonitor<LimitsOptions> limits, ILogger<FormBodyLimits> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var profile = context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitsAttribute>();
        var maxBytes = profile is null ? null : (long?)limits.CurrentValue.UploadsFor(profile.Profile).MaxRequestBytes;
        if (maxBytes is { } max)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = max;
            }
            if (request.ContentLength > max)
            {
                Reject(context, max, "declared length");
                return;
            }
            // Servers without a body-size feature (and chunked bodies) are held to the limit here too.
            request.Body = new LimitedReadStream(request.Body, max);
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = max }));
        }

        try
        {
            await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            Reject(context, maxBytes ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize, e.GetType().Name);
            return;
        }
        catch (BadHttpRequestException e)
        {
            LogUnreadable(logger, request.Path, e.Message);
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = e.StatusCode;
            return;
        }
        await next(context);
    }

    void Reject(HttpContext context, long? limit, string reason)
    {
        LogTooLarge(logger, context.Request.Path, reason, limit);
        // The error page is re-executed on this same request: it must find an empty form, not the unread body.
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        if (limit is not null)
        {
            context.Items[LimitsExtensions.RejectedLimitItem] = limit;
        }
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Unreadable form on {Path}: {Reason}")]
    static partial void LogUnreadable(ILogger logger, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request body over the limit on {Path} ({Reason}, limit {Limit} bytes)")]
    static partial void LogTooLarge(ILogger logger, PathString path, string reason, long? limit);
}

/// <summary>Fails a read with 413 once more than <c>max</c> bytes have come through.</summary>
sealed class LimitedReadStream(Stream inner, long max) : Stream
{
    long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    int Count(int read)
    {
        _read += read;
        if (_read > max)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
