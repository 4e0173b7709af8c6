using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Suzhou.News.Channels;
using Suzhou.News.Hosting;
using Suzhou.News.Pages.Shared;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Tips;

/// <summary>我要爆料: a news tip with up to a few photos, a short video or a PDF.</summary>
[UploadLimits(LimitsOptions.TipOffUploads)]
[EnableRateLimiting(LimitsExtensions.FormsPolicy)]
public sealed partial class NewModel(SubmissionDesk desk, ChannelCatalog catalog, ILogger<NewModel> logger) : PageModel
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
        Counties = (await catalog.GetAsync(ct)).Counties;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip form honeypot filled; ignored")]
    static partial void LogHoneypot(ILogger logger);
}
