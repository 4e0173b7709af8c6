using System.Text;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>A seeded site for the tip-off tests, with small upload limits and a rate limit tests do not reach by accident.</summary>
public sealed class TipOffSite : IDisposable
{
    public const int MaxFiles = 3;
    public const int MaxFileBytes = 40_000;
    public const int MaxRequestBytes = 150_000;

    public static Dictionary<string, string?> Settings(int permitLimit = 1000) => new()
    {
        // The contact page's monthly counts are asserted right after a change; caching is tested elsewhere.
        ["OutputCache:Enabled"] = "false",
        ["Limits:Forms:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:Forms:WindowSeconds"] = "600",
        ["Limits:Lookups:PermitLimit"] = "1000",
        ["Limits:Uploads:TipOffs:MaxFiles"] = MaxFiles.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:Uploads:TipOffs:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:Uploads:TipOffs:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public NewsApp App { get; } = new(Settings());

    public void Dispose() => App.Dispose();
}

[CollectionDefinition(Name)]
public sealed class TipOffSiteCollection : ICollectionFixture<TipOffSite>
{
    public const string Name = "Tip-off site";
}

/// <summary>Files and form values the tip-off tests send.</summary>
public static class TipOffData
{
    public static byte[] Png(int size = 64) => Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);
    public static byte[] Jpeg(int size = 64) => Pad([0xFF, 0xD8, 0xFF, 0xE0], size);
    public static byte[] Pdf(int size = 64) => Pad("%PDF-1.7\n"u8.ToArray(), size);
    public static byte[] Mp4(int size = 64) => Pad([0, 0, 0, 0x18, .. "ftypmp42"u8.ToArray()], size);

    static byte[] Pad(byte[] head, int size)
    {
        var bytes = new byte[Math.Max(size, head.Length)];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    public static Dictionary<string, string> Tip(string title = "汴河路井盖松动") => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = "汴河路与银河一路交口东侧的井盖松动，车辆经过时响声很大，已有电动车在此摔倒。",
        ["Input.Place"] = "埇桥区汴河路与银河一路交口",
        ["Input.OccurredOn"] = "2026-11-27",
        ["Input.Name"] = "王先生",
        ["Input.Phone"] = "13905570000",
        ["Input.Email"] = "wang@example.cn",
        ["Input.Consent"] = "true",
    };

    public static Dictionary<string, string> Report(string url = "/xw/content/2026-11/28/content_246001.html") => new()
    {
        ["Input.Category"] = "Rumour",
        ["Input.Url"] = url,
        ["Input.Body"] = "文章中引用的数据与统计局公布的不一致，请核实后更正。",
        ["Input.Phone"] = "13905571111",
    };

    /// <summary>A context on its own, unpooled connection: sees only what is committed to the database file.</summary>
    public static NewsDbContext FreshContext(NewsApp app) => app.OpenDatabase();

    public static async Task<Submission?> FindAsync(NewsApp app, string receiptNumber)
    {
        await using var db = FreshContext(app);
        return await db.Submissions.AsNoTracking().Include(s => s.Attachments).Include(s => s.Events)
            .FirstOrDefaultAsync(s => s.ReceiptNumber == receiptNumber);
    }

    public static async Task<int> CountAsync(NewsApp app, Func<IQueryable<Submission>, IQueryable<Submission>>? filter = null)
    {
        await using var db = FreshContext(app);
        return await (filter ?? (q => q))(db.Submissions).CountAsync();
    }

    public static string Repeat(char c, int count) => new StringBuilder().Append(c, count).ToString();
}
