using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Hosting;
using Suzhou.News.Site;

namespace Suzhou.News.TipOffs;

/// <summary>What the sender is shown once: the receipt number and the secret lookup code.</summary>
public sealed record Receipt(SubmissionKind Kind, string Number, string LookupCode);

/// <summary>What the status page shows: never contact details, internal notes or staff names.</summary>
public sealed record SubmissionStatusView(
    SubmissionKind Kind, string ReceiptNumber, SubmissionStatus Status, DateTime ReceivedAt, string? PublicReply,
    List<(SubmissionStatus Status, DateTime At)> History, string? ArticleUrl, string? ArticleTitle);

/// <summary>Received and handled reports in one Beijing month.</summary>
public sealed record MonthlyReportCount(int Year, int Month, int Received, int Handled);

/// <summary>Saving did not complete: nothing was received, and the sender must be told so.</summary>
public sealed class SubmissionNotSavedException(Exception inner) : Exception("The submission was not saved.", inner);

/// <summary>
/// Takes in tips and reports. A submission is on disk before anyone sees a receipt: each attachment is written
/// and fsynced, then its folder, then the row is committed with <c>PRAGMA synchronous=FULL</c> (on PostgreSQL with
/// <c>synchronous_commit = on</c>, whatever the server's default).
/// </summary>
public sealed partial class SubmissionDesk(
    NewsDbContext db, AttachmentStore store, ChannelCatalog catalog, TimeProvider clock,
    IOptions<LimitsOptions> limits, IOptions<TipOffOptions> options, ILogger<SubmissionDesk> logger)
{
    public UploadLimits Uploads => limits.Value.UploadsFor(LimitsOptions.TipOffUploads);

    /// <summary>The form's property names the problems are reported under (both forms use them).</summary>
    public const string InputField = "Input";
    public const string AttachmentsField = "Attachments";

    /// <summary>
    /// The one step a public form's POST takes: checks the fields and the files, then stores both durably. Returns
    /// the receipt, or null with the problems added to <paramref name="state"/>; throws
    /// <see cref="SubmissionNotSavedException"/> when the checked submission could not be stored.
    /// </summary>
    public async Task<Receipt?> ReceiveAsync(ContactInput input, IReadOnlyList<IFormFile> attachments, ModelStateDictionary state, CancellationToken ct)
    {
        var counties = (await catalog.GetAsync(ct)).Counties.Select(c => c.Id).ToList();
        foreach (var (field, message) in input.Check(clock.GetUtcNow().UtcDateTime, counties))
        {
            state.AddModelError($"{InputField}.{field}", message);
        }
        var files = await CheckAttachmentsAsync(attachments, state, AttachmentsField, ct);
        return state.IsValid ? await SubmitAsync(input.ToSubmission(), files, ct) : null;
    }

    /// <summary>Checks count, size and real type of the files; adds errors under <paramref name="field"/>.</summary>
    async Task<List<(IFormFile File, string ContentType)>> CheckAttachmentsAsync(
        IReadOnlyList<IFormFile> files, ModelStateDictionary modelState, string field, CancellationToken ct)
    {
        var accepted = new List<(IFormFile, string)>();
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var uploads = Uploads;
        if (chosen.Count > uploads.MaxFiles)
        {
            modelState.AddModelError(field, $"最多只能上传 {uploads.MaxFiles} 个附件，您选择了 {chosen.Count} 个");
            return accepted;
        }
        foreach (var file in chosen)
        {
            var name = AttachmentStore.CleanName(file.FileName);
            if (file.Length == 0)
            {
                modelState.AddModelError(field, $"“{name}”是空文件");
            }
            else if (file.Length > uploads.MaxFileBytes)
            {
                modelState.AddModelError(field, $"“{name}”超过了单个文件 {Megabytes(uploads.MaxFileBytes)} 的上限");
            }
            else if (await AttachmentStore.DetectTypeAsync(file, ct) is { } type)
            {
                accepted.Add((file, type));
            }
            else
            {
                modelState.AddModelError(field, $"“{name}”不是可接受的文件类型（只接受 JPEG、PNG、WebP、GIF 图片，MP4 视频和 PDF）");
            }
        }
        return accepted;
    }

    /// <summary>A file's size for people: KB under a megabyte.</summary>
    public static string Size(long bytes) =>
        bytes < 1024 * 1024 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB") : Megabytes(bytes);

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    /// <summary>Stores the files and the row durably and returns the receipt; throws <see cref="SubmissionNotSavedException"/> otherwise.</summary>
    async Task<Receipt> SubmitAsync(Submission submission, IReadOnlyList<(IFormFile File, string ContentType)> files, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = ReceiptCodes.NewLookupCode();
        var saved = new List<string>();
        try
        {
            foreach (var (file, type) in files)
            {
                var storedName = await store.SaveAsync(file, ct);
                saved.Add(storedName);
                submission.Attachments.Add(new SubmissionAttachment
                {
                    StoredName = storedName,
                    OriginalName = AttachmentStore.CleanName(file.FileName),
                    ContentType = type,
                    Length = file.Length,
                });
            }
            if (saved.Count > 0)
            {
                store.SyncFolder();
            }

            submission.Status = SubmissionStatus.Received;
            submission.ReceivedAt = now;
            submission.DueAt = submission.Kind == SubmissionKind.Report ? now.AddDays(options.Value.ReportDeadlineDays) : null;
            submission.Events.Add(new SubmissionEvent { At = now, Status = SubmissionStatus.Received });
            db.Submissions.Add(submission);
            await SaveDurablyAsync(submission, code, now, ct);
        }
        catch (Exception e)
        {
            // Nothing half-done stays behind: no row was committed, so the files go too.
            db.ChangeTracker.Clear();
            foreach (var name in saved)
            {
                TryDelete(name);
            }
            if (e is OperationCanceledException)
            {
                throw;
            }
            // Only the kind and the exception: what the sender typed (and their contact details) stays out of the log.
            LogNotSaved(logger, submission.Kind, e);
            throw new SubmissionNotSavedException(e);
        }

        LogReceived(logger, submission.Kind, submission.ReceiptNumber, saved.Count);
        return new Receipt(submission.Kind, submission.ReceiptNumber, code);
    }

    // The receipt number has four random characters a day; on the rare clash the unique index refuses the row
    // and we draw again.
    async Task SaveDurablyAsync(Submission submission, string code, DateTime now, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var sqlite = db.Database.IsSqlite();
        var previous = sqlite ? await PragmaAsync(connection, "PRAGMA synchronous;", ct) : null;
        try
        {
            await PragmaAsync(connection, sqlite ? "PRAGMA synchronous=FULL;" : "SET synchronous_commit = on;", ct);
            for (var attempt = 1; ; attempt++)
            {
                submission.ReceiptNumber = ReceiptCodes.NewReceiptNumber(submission.Kind, now);
                submission.LookupCodeHash = ReceiptCodes.Hash(submission.ReceiptNumber, code);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return;
                }
                catch (DbUpdateException e) when (attempt < 8 && IsReceiptClash(e))
                {
                    LogReceiptClash(logger, attempt);
                }
            }
        }
        finally
        {
            // The row may already be committed here: a failure to tidy the connection must not undo the receipt.
            try
            {
                if (previous is not null)
                {
                    await PragmaAsync(connection, $"PRAGMA synchronous={Convert.ToInt64(previous, CultureInfo.InvariantCulture)};", CancellationToken.None);
                }
                else if (!sqlite)
                {
                    await PragmaAsync(connection, "RESET synchronous_commit;", CancellationToken.None);
                }
                await db.Database.CloseConnectionAsync();
            }
            catch (System.Data.Common.DbException e)
            {
                LogSynchronousNotRestored(logger, e);
            }
        }
    }

    static async Task<object?> PragmaAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    static bool IsReceiptClash(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } sqlite => sqlite.Message.Contains(nameof(Submission.ReceiptNumber), StringComparison.Ordinal),
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } postgres =>
            postgres.ConstraintName?.Contains(nameof(Submission.ReceiptNumber), StringComparison.Ordinal) == true,
        _ => false,
    };

    void TryDelete(string storedName)
    {
        try
        {
            store.Delete(storedName);
        }
        catch (IOException e)
        {
            LogAttachmentNotRemoved(logger, storedName, e);
        }
    }

    /// <summary>"BL20261129-8k3f", "bl202611298K3F" and " BL20261129 - 8K3F " are one receipt.</summary>
    public static string NormalizeReceipt(string? text)
    {
        var raw = ReceiptCodes.Normalize(text);
        return raw.Length == 14 ? raw[..10] + "-" + raw[10..] : raw;
    }

    /// <summary>The status when the receipt number and code belong together and to this kind; otherwise null, whatever was wrong.</summary>
    public async Task<SubmissionStatusView?> LookUpAsync(SubmissionKind kind, string receiptNumber, string lookupCode, CancellationToken ct)
    {
        var number = NormalizeReceipt(receiptNumber);
        var row = number.Length > Submission.ReceiptMaxLength ? null : await db.Submissions.AsNoTracking()
            .Where(s => s.ReceiptNumber == number && s.Kind == kind)
            .Select(s => new
            {
                s.LookupCodeHash, s.Status, s.ReceivedAt, s.PublicReply, s.ArticleNumber,
                History = s.Events.Where(e => e.Status != null).OrderBy(e => e.At).ThenBy(e => e.Id)
                    .Select(e => new { e.Status, e.At }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (!ReceiptCodes.Matches(row?.LookupCodeHash, number, lookupCode) || row is null)
        {
            return null;
        }

        string? articleUrl = null, articleTitle = null;
        if (row.ArticleNumber is { } articleNumber)
        {
            var article = await db.Articles.AsNoTracking().Public().Where(a => a.Number == articleNumber)
                .Select(a => new { a.Title, a.FirstPublishedAt }).FirstOrDefaultAsync(ct);
            if (article is not null)
            {
                articleUrl = ArticlePath.For(articleNumber, article.FirstPublishedAt!.Value);
                articleTitle = article.Title;
            }
        }
        return new SubmissionStatusView(kind, number, row.Status, row.ReceivedAt, row.PublicReply,
            row.History.Select(h => (h.Status!.Value, h.At)).ToList(), articleUrl, articleTitle);
    }

    /// <summary>Reports received and handled per Beijing month, newest month first, including months with none.</summary>
    public async Task<List<MonthlyReportCount>> MonthlyReportCountsAsync(CancellationToken ct)
    {
        var months = Math.Clamp(options.Value.PublicStatsMonths, 1, 36);
        var today = BeijingTime.FromUtc(clock.GetUtcNow().UtcDateTime);
        var first = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1 - months);
        var since = BeijingTime.ToUtc(first);
        var received = await db.Submissions.AsNoTracking()
            .Where(s => s.Kind == SubmissionKind.Report && s.ReceivedAt >= since).Select(s => s.ReceivedAt).ToListAsync(ct);
        var handled = await db.Submissions.AsNoTracking()
            .Where(s => s.Kind == SubmissionKind.Report && s.HandledAt != null && s.HandledAt >= since)
            .Select(s => s.HandledAt!.Value).ToListAsync(ct);

        static (int, int) MonthOf(DateTime utc)
        {
            var local = BeijingTime.FromUtc(utc);
            return (local.Year, local.Month);
        }
        var receivedBy = received.GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Count());
        var handledBy = handled.GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, months)
            .Select(i => first.AddMonths(months - 1 - i))
            .Select(m => new MonthlyReportCount(m.Year, m.Month,
                receivedBy.GetValueOrDefault((m.Year, m.Month)), handledBy.GetValueOrDefault((m.Year, m.Month))))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save a {Kind}; the sender was told it was not received")]
    static partial void LogNotSaved(ILogger logger, SubmissionKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Received {Kind} {ReceiptNumber} with {Attachments} attachment(s)")]
    static partial void LogReceived(ILogger logger, SubmissionKind kind, string receiptNumber, int attachments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Receipt number clash on attempt {Attempt}; drawing another")]
    static partial void LogReceiptClash(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not restore the connection's synchronous setting")]
    static partial void LogSynchronousNotRestored(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove attachment {StoredName} of an unsaved submission")]
    static partial void LogAttachmentNotRemoved(ILogger logger, string storedName, Exception exception);
}
