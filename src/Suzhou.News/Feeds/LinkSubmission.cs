using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Suzhou.News.Site;

namespace Suzhou.News.Feeds;

/// <summary>The <c>LinkSubmission</c> settings section: pushing new article URLs to a search engine (Baidu-style).</summary>
public sealed class LinkSubmissionOptions
{
    public const string Section = "LinkSubmission";

    /// <summary>Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where URLs are POSTed as plain text, one per line, e.g. <c>http://data.zz.baidu.com/urls?site=…&amp;token=…</c>. Never logged (it holds a token).</summary>
    public string? Endpoint { get; set; }

    [Range(1, 2000, ErrorMessage = "LinkSubmission:BatchSize 应在 1 到 2000 之间")]
    public int BatchSize { get; set; } = 20;

    [Range(1, 20, ErrorMessage = "LinkSubmission:MaxAttempts 应在 1 到 20 之间")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled after each failure.</summary>
    [Range(0.01, 3600, ErrorMessage = "LinkSubmission:RetryDelaySeconds 应在 0.01 到 3600 之间")]
    public double RetryDelaySeconds { get; set; } = 30;

    /// <summary>URLs waiting at most; beyond that new ones are dropped with a warning.</summary>
    [Range(10, 1_000_000, ErrorMessage = "LinkSubmission:QueueCapacity 应在 10 到 1000000 之间")]
    public int QueueCapacity { get; set; } = 10_000;
}

/// <summary>
/// The seam for "this URL was just published": the importer calls it, and so should every other publish path.
/// Never blocks and never throws; does nothing unless <c>LinkSubmission:Enabled</c>.
/// </summary>
public interface ILinkSubmitter
{
    /// <summary>Queues an absolute URL, or a site path resolved against <c>Site:BaseUrl</c>.</summary>
    void Enqueue(Uri url);
}

/// <summary>A <see cref="Channel{T}"/> queue drained by a background loop that submits in batches with retries and backoff.</summary>
public sealed partial class LinkSubmitter(
    IOptions<LinkSubmissionOptions> options,
    IOptions<SiteOptions> site,
    IHttpClientFactory http,
    TimeProvider clock,
    ILogger<LinkSubmitter> logger) : BackgroundService, ILinkSubmitter
{
    public const string HttpClientName = "link-submission";

    readonly Channel<Uri> _queue = Channel.CreateBounded<Uri>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Batches that were accepted by the endpoint (for tests and logs).</summary>
    public int Submitted { get; private set; }

    public void Enqueue(Uri url)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        if (!url.IsAbsoluteUri)
        {
            if (string.IsNullOrWhiteSpace(site.Value.BaseUrl))
            {
                LogNoBaseUrl(logger, url.OriginalString);
                return;
            }
            url = new Uri(new Uri(site.Value.BaseUrl), url);
        }
        if (!_queue.Writer.TryWrite(url))
        {
            LogQueueFull(logger, url);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<Uri>();
                while (batch.Count < options.Value.BatchSize && reader.TryRead(out var url))
                {
                    batch.Add(url);
                }
                await SubmitAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task SubmitAsync(List<Uri> batch, CancellationToken ct)
    {
        var o = options.Value;
        var delay = TimeSpan.FromSeconds(o.RetryDelaySeconds);
        for (var attempt = 1; attempt <= o.MaxAttempts; attempt++)
        {
            try
            {
                using var client = http.CreateClient(HttpClientName);
                using var body = new StringContent(string.Join('\n', batch), Encoding.UTF8, "text/plain");
                using var response = await client.PostAsync(new Uri(o.Endpoint!), body, ct);
                if (response.IsSuccessStatusCode)
                {
                    Submitted++;
                    LogSubmitted(logger, batch.Count);
                    return;
                }
                LogAnswered(logger, (int)response.StatusCode, attempt, o.MaxAttempts);
            }
            catch (HttpRequestException e)
            {
                LogFailed(logger, e.Message, attempt, o.MaxAttempts);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                LogTimedOut(logger, attempt, o.MaxAttempts);
            }
            if (attempt < o.MaxAttempts)
            {
                await Task.Delay(delay, clock, ct);
                delay *= 2;
            }
        }
        LogGaveUp(logger, batch.Count, o.MaxAttempts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link submission needs Site:BaseUrl to make {Path} absolute; skipped")]
    static partial void LogNoBaseUrl(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link submission queue is full; {Url} dropped")]
    static partial void LogQueueFull(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitted {Count} URL(s) to the search engine")]
    static partial void LogSubmitted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link submission answered {Status} (attempt {Attempt} of {MaxAttempts})")]
    static partial void LogAnswered(ILogger logger, int status, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link submission failed: {Reason} (attempt {Attempt} of {MaxAttempts})")]
    static partial void LogFailed(ILogger logger, string reason, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link submission timed out (attempt {Attempt} of {MaxAttempts})")]
    static partial void LogTimedOut(ILogger logger, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up submitting {Count} URL(s) after {MaxAttempts} attempts")]
    static partial void LogGaveUp(ILogger logger, int count, int maxAttempts);
}
