using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Suzhou.News.Areas.Admin.Pages.Account;

public sealed partial class DeniedModel(ILogger<DeniedModel> logger) : PageModel
{
    public void OnGet(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        LogDenied(logger, User.Identity?.Name, returnUrl, HttpContext.Connection.RemoteIpAddress?.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied to {UserName} for {Path} from {ClientAddress}")]
    static partial void LogDenied(ILogger logger, string? userName, string? path, string? clientAddress);
}
