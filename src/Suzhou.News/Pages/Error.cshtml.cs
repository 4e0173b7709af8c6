using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suzhou.News.Hosting;

namespace Suzhou.News.Pages;

/// <summary>
/// One page for every error: re-executed by the status-code and exception middleware with the original
/// status kept. Shows a request id the reader can quote; never exception details.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    /// <summary>A <c>HttpContext.Items</c> key: a middleware that answers a bare status code may leave a sharper explanation here.</summary>
    public const string DetailKey = "error.detail";

    public int Status { get; private set; }
    public string RequestId { get; private set; } = "";
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    string LimitText() =>
        HttpContext.Items[LimitsExtensions.RejectedLimitItem] is long bytes
            ? string.Create(CultureInfo.InvariantCulture, $"（每次最多 {bytes / 1024.0 / 1024.0:0.#} MB）")
            : "";

    string RetryText() =>
        int.TryParse(Response.Headers.RetryAfter, out var seconds) && seconds > 0
            ? seconds < 120
                ? string.Create(CultureInfo.InvariantCulture, $"请在 {seconds} 秒后再试。")
                : string.Create(CultureInfo.InvariantCulture, $"请在 {(seconds + 59) / 60} 分钟后再试。")
            : "请稍等片刻再试。";

    void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = exception is not null ? 500 : code is >= 400 and <= 599 ? code.Value : Response.StatusCode;
        if (Status < 400)
        {
            Status = 404;
        }
        if (exception is not null)
        {
            LogUnhandled(logger, exception.Path, RequestId);
        }
        Response.StatusCode = Status;
        (Heading, Explanation) = Status switch
        {
            400 => ("请求有误", "您提交的地址或内容格式不正确，请检查后重试。"),
            403 => ("没有访问权限", "您没有权限查看此页面。如需访问，请先登录或联系网站管理员。"),
            404 => ("页面没有找到", "您访问的页面不存在，可能已被删除、更名，或地址输入有误。"),
            405 => ("不支持的请求方式", "此页面不接受这种请求方式。"),
            413 => ("提交的内容过大", "您上传的文件或填写的内容超过了大小限制" + LimitText() + "，内容没有被接收。请压缩文件、减少附件后重试。"),
            429 => ("请求过于频繁", "您的操作太频繁了，提交没有被接收。" + RetryText()),
            >= 500 => ("服务器暂时出错", "网站出了点问题，我们已经记录下来并会尽快处理。请稍后再试。"),
            _ => ("请求无法完成", "请检查地址后重试。"),
        };
        if (HttpContext.Items[DetailKey] is string detail)
        {
            Explanation = detail;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}, request {RequestId}")]
    static partial void LogUnhandled(ILogger logger, string path, string? requestId);
}
