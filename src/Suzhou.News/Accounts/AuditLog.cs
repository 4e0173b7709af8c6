using System.Security.Claims;
using Suzhou.News.Data;

namespace Suzhou.News.Accounts;

/// <summary>
/// Writes audit entries. Pages call <see cref="Record"/> before their own <c>SaveChangesAsync</c>, so the
/// entry commits with the change it describes; <see cref="WriteAsync"/> saves on its own (sign-in events).
/// </summary>
public sealed class AuditLog(NewsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, string target, string detail = "", string? userName = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = userName ?? user?.Identity?.Name ?? "",
            Action = action,
            Target = target,
            Detail = detail,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task WriteAsync(string action, string target, string detail = "", string? userName = null, CancellationToken ct = default)
    {
        Record(action, target, detail, userName);
        await db.SaveChangesAsync(ct);
    }
}
