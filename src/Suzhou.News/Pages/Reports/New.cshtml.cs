using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Suzhou.News.Hosting;
using Suzhou.News.TipOffs;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Pages.Reports;

/// <summary>违法和不良信息举报: what is wrong, where it is (prefilled from an article's 举报 link), optional contact.</summary>
[UploadLimits(LimitsOptions.TipOffUploads)]
[EnableRateLimiting(LimitsExtensions.FormsPolicy)]
public sealed class NewModel(SubmissionDesk desk, ILogger<NewModel> logger) : PageModel
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
            logger.LogInformation("Report form honeypot filled; ignored");
            return BadRequest();
        }
        foreach (var (field, message) in Input.Check())
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
        var files = await desk.CheckAttachmentsAsync(Attachments, ModelState, nameof(Attachments), ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            ReceiptHandOff.Put(TempData, await desk.SubmitAsync(Input.ToSubmission(), files, ct));
        }
        catch (SubmissionNotSavedException)
        {
            NotSaved = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        return RedirectToPage("Received");
    }
}
