using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Suzhou.News.Hosting;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Shared;

/// <summary>Hands the receipt from the form's POST to the receipt page, once (TempData is read-and-delete).</summary>
public static class ReceiptHandOff
{
    const string NumberKey = "TipOffs.Receipt";
    const string CodeKey = "TipOffs.Code";

    public static void Put(ITempDataDictionary tempData, Receipt receipt)
    {
        tempData[NumberKey] = receipt.Number;
        tempData[CodeKey] = receipt.LookupCode;
    }

    public static (string Number, string Code)? Take(ITempDataDictionary tempData) =>
        tempData[NumberKey] is string number && tempData[CodeKey] is string code ? (number, code) : null;
}

/// <summary>
/// The receipt page after a submission: the number and the lookup code, shown once and never cached.
/// Reloading it, or arriving later, shows how to look the submission up instead.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class SubmissionReceivedPage : PageModel
{
    public abstract SubmissionKind Kind { get; }
    public string? ReceiptNumber { get; private set; }
    public string? LookupCode { get; private set; }
    public string StatusPath => Kind == SubmissionKind.Tip ? "/tips/status" : "/reports/status";

    public void OnGet()
    {
        if (ReceiptHandOff.Take(TempData) is var (number, code)
            && number.StartsWith(ReceiptCodes.Prefix(Kind), StringComparison.Ordinal))
        {
            ReceiptNumber = number;
            LookupCode = code;
        }
        Response.Headers.CacheControl = "no-store";
    }
}

/// <summary>
/// 查询进度: the receipt number and lookup code show the status and any public reply. A wrong number, a wrong
/// code or the other kind's receipt all get the same answer. Lookups are rate-limited per client.
/// </summary>
[EnableRateLimiting(LimitsExtensions.LookupsPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class SubmissionStatusPage(SubmissionDesk desk) : PageModel
{
    public abstract SubmissionKind Kind { get; }

    public sealed class LookupInput
    {
        [Required(ErrorMessage = "请填写回执号")]
        [StringLength(40, ErrorMessage = "回执号格式不正确")]
        public string? ReceiptNumber { get; set; }

        [Required(ErrorMessage = "请填写查询码")]
        [StringLength(40, ErrorMessage = "查询码格式不正确")]
        public string? LookupCode { get; set; }
    }

    [BindProperty]
    public LookupInput Input { get; set; } = new();

    public SubmissionStatusView? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Result = await desk.LookUpAsync(Kind, Input.ReceiptNumber!, Input.LookupCode!, ct);
        if (Result is null)
        {
            ModelState.AddModelError("", "没有找到与这组回执号和查询码相符的记录。请核对后重试：回执号和查询码不区分大小写，短横线可写可不写。");
        }
        // The code is a secret: once used, it is not written back into the page.
        ModelState.Remove($"{nameof(Input)}.{nameof(LookupInput.LookupCode)}");
        Input.LookupCode = Result is null ? Input.LookupCode : null;
        return Page();
    }
}
