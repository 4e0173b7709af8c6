using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Suzhou.News.Hosting;
using Suzhou.News.TipOffs;
using Suzhou.News.Channels;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Pages.Tips;

/// <summary>我要爆料: a news tip with up to a few photos, a short video or a PDF.</summary>
[UploadLimits(LimitsOptions.TipOffUploads)]
[EnableRateLimiting(LimitsExtensions.FormsPolicy)]
public sealed class NewModel(SubmissionDesk desk, ChannelCatalog catalog, TimeProvider clock, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public TipInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyList<ChannelNode> Counties { get; private set; } = [];
    public UploadLimits Uploads => desk.Uploads;
    public bool NotSaved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Counties = (await catalog.GetAsync(ct)).Counties;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.IsRobot)
        {
            logger.LogInformation("Tip form honeypot filled; ignored");
            return BadRequest();
        }
        Counties = (await catalog.GetAsync(ct)).Counties;
        foreach (var (field, message) in Input.Check(clock.GetUtcNow().UtcDateTime, Counties.Select(c => c.Id).ToList()))
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
