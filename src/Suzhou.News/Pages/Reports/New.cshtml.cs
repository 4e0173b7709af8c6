using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Suzhou.News.Hosting;
using Suzhou.News.Pages.Shared;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Reports;

/// <summary>违法和不良信息举报: what is wrong, where it is (prefilled from an article's 举报 link), optional contact.</summary>
[UploadLimits(LimitsOptions.TipOffUploads)]
[EnableRateLimiting(LimitsExtensions.FormsPolicy)]
public sealed partial class NewModel(SubmissionDesk desk, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public UploadLimits Uploads => desk.Uploads;
    public bool NotSaved { get; private set; }

    public void OnGet(string? url)
    {
        if (!string.IsNullOrWhiteSpace(url) && url.Length <= Submission.UrlMaxLength && ReportInput.IsAcceptedUrl(url.Trim()))
        {
            Input.Url = url.Trim();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.IsRobot)
        {
            LogHoneypot(logger);
            return BadRequest();
        }
        try
        {
            if (await desk.ReceiveAsync(Input, Attachments, ModelState, ct) is { } receipt)
            {
                ReceiptHandOff.Put(TempData, receipt);
                return RedirectToPage("Received");
            }
        }
        catch (SubmissionNotSavedException)
        {
            NotSaved = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report form honeypot filled; ignored")]
    static partial void LogHoneypot(ILogger logger);
}
