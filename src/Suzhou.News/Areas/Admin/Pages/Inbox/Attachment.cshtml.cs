using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;
using Suzhou.News.Newsroom;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Areas.Admin.Pages.Inbox;

/// <summary>
/// Hands a tip's or report's file to staff who may see the submission: always as a download, never sniffed,
/// never rendered. For anyone else it does not exist (404).
/// </summary>
public sealed class AttachmentModel(NewsDbContext db, AttachmentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken ct)
    {
        var attachment = await db.Submissions.AsNoTracking().VisibleTo(User)
            .Where(s => s.Id == id)
            .SelectMany(s => s.Attachments)
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.StoredName, a.OriginalName, a.ContentType })
            .FirstOrDefaultAsync(ct);
        if (attachment is null || store.Open(attachment.StoredName) is not { } stream)
        {
            return NotFound();
        }
        var headers = Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "no-store";
        // A file name makes FileStreamResult send Content-Disposition: attachment (with a UTF-8 filename*).
        return File(stream, attachment.ContentType, attachment.OriginalName);
    }
}
