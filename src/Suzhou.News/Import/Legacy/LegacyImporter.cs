using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Chinese;
using Suzhou.News.Data;
using Suzhou.News.Site;

namespace Suzhou.News.Import.Legacy;

/// <summary>What happened to one old file.</summary>
public sealed class LegacyFileReport
{
    public string File { get; init; } = "";
    public string Outcome { get; set; } = "";
    public int? Number { get; set; }
    public string? Title { get; set; }
    public bool IsDraft { get; set; }
    public List<string> Missing { get; } = [];
    public List<string> Repairs { get; } = [];
    public List<string> Unrepaired { get; } = [];
    public string? Error { get; set; }
}

/// <summary>The whole legacy import: per file what was repaired, and the totals.</summary>
public sealed class LegacyImportReport
{
    public List<LegacyFileReport> Files { get; } = [];
    public List<ImportProblem> Problems { get; } = [];
    public TimeSpan Elapsed { get; set; }
    public string? ReportPath { get; set; }

    public int Skipped => Files.Count(f => f.Error is not null);
    public bool HasErrors => Skipped > 0 || Problems.Any(p => !p.IsWarning);

    public string Summary =>
        $"旧稿导入完成：文件 {Files.Count} 个，已发布 {Files.Count(f => f.Error is null && !f.IsDraft && f.Outcome != Unchanged)}，" +
        $"草稿待补 {Files.Count(f => f.Error is null && f.IsDraft && f.Outcome != Unchanged)}，未变 {Files.Count(f => f.Outcome == Unchanged)}，跳过 {Skipped}；" +
        $"未能修复 {Files.Sum(f => f.Unrepaired.Count)} 处；用时 {Elapsed.TotalSeconds:0.0} 秒";

    public const string Unchanged = "未变";

    /// <summary>The report as Markdown, one section per file.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder("# 旧稿导入报告\n\n").Append(Summary).Append("\n\n");
        foreach (var problem in Problems)
        {
            md.Append("- ").Append(problem).Append('\n');
        }
        foreach (var f in Files)
        {
            md.Append("\n## ").Append(f.File).Append("\n\n");
            md.Append("- 结果：").Append(f.Error is null ? f.Outcome : "跳过：" + f.Error).Append('\n');
            if (f.Number is { } n)
            {
                md.Append("- 编号：").Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            if (f.Title is not null)
            {
                md.Append("- 标题：").Append(f.Title).Append('\n');
            }
            if (f.Missing.Count > 0)
            {
                md.Append("- 待编辑补全：").Append(string.Join("、", f.Missing)).Append("（已存为草稿）\n");
            }
            foreach (var r in f.Repairs)
            {
                md.Append("- 已修复：").Append(r).Append('\n');
            }
            foreach (var u in f.Unrepaired)
            {
                md.Append("- **未修复**：").Append(u).Append('\n');
            }
        }
        return md.ToString();
    }
}

/// <summary>
/// <c>import --legacy &lt;dir&gt;</c>: old articles saved from the old site as plain text (<c>*.txt</c>), repaired by
/// <see cref="LegacyText"/>, with title, date, channel and number from <see cref="LegacyManifest"/>. Old numbers are
/// kept, so old URLs resolve. A file without title, date or channel becomes a draft for an editor to finish.
/// Re-running is safe: an unchanged file is skipped.
/// </summary>
public sealed class LegacyImporter(
    IServiceScopeFactory scopes,
    MarkdownRenderer renderer,
    ArticleWriter writer,
    ChannelCatalog catalog,
    ChineseConverter converter,
    TimeProvider clock)
{
    public const string HashPrefix = "legacy:";
    public const string ReportFileName = "legacy-import-report.md";
    public const string PlaceholderTitle = "【待补标题】";

    static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Imports <paramref name="directory"/> and writes the report into <paramref name="reportFolder"/>.</summary>
    public async Task<LegacyImportReport> ImportAsync(string directory, string reportFolder, IImportListener listener,
        Action<string> note, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"旧稿目录不存在：{directory}");
        }
        var started = clock.GetTimestamp();
        var report = new LegacyImportReport();
        var manifest = LegacyManifest.Read(root, report.Problems);
        report.Problems.ForEach(listener.Problem);

        var files = Directory.EnumerateFiles(root, "*.txt").Order(StringComparer.Ordinal).ToList();
        listener.Started("旧稿", files.Count);
        var channels = await catalog.GetAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var nextNumber = (await db.Articles.MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
        var used = new HashSet<int>();

        for (var i = 0; i < files.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var name = Path.GetFileName(files[i]);
            var entry = LegacyManifest.For(name, manifest);
            if (entry.Number is { } n && !used.Add(n))
            {
                var duplicate = new LegacyFileReport { File = name, Number = n, Error = $"编号 {n} 在本批文件中重复" };
                report.Files.Add(duplicate);
                listener.Problem(new(name, 1, duplicate.Error));
                listener.Advanced(i + 1);
                continue;
            }
            var fileReport = await ImportFileAsync(db, files[i], entry, channels, () =>
            {
                while (!used.Add(nextNumber))
                {
                    nextNumber++;
                }
                return nextNumber++;
            }, ct);
            report.Files.Add(fileReport);
            if (fileReport.Error is not null)
            {
                listener.Problem(new(name, 1, fileReport.Error));
            }
            else
            {
                note($"{name}：{fileReport.Outcome}{(fileReport.Repairs.Count > 0 ? "；" + string.Join("；", fileReport.Repairs) : "")}");
                foreach (var u in fileReport.Unrepaired)
                {
                    listener.Problem(new(name, LineOf(u), u, IsWarning: true));
                }
            }
            listener.Advanced(i + 1);
        }

        report.Elapsed = clock.GetElapsedTime(started);
        Directory.CreateDirectory(reportFolder);
        report.ReportPath = Path.Combine(reportFolder, ReportFileName);
        await File.WriteAllTextAsync(report.ReportPath, report.ToMarkdown(), Encoding.UTF8, ct);
        return report;
    }

    static int LineOf(string message) =>
        message.StartsWith("第 ", StringComparison.Ordinal)
        && int.TryParse(message.AsSpan(2, Math.Max(0, message.IndexOf(' ', 2) - 2)), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? line : 1;

    async Task<LegacyFileReport> ImportFileAsync(NewsDbContext db, string path, LegacyEntry entry,
        ChannelCatalog.Snapshot channels, Func<int> newNumber, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var result = new LegacyFileReport { File = name };
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var hash = HashPrefix + Convert.ToHexString(SHA256.HashData(bytes));
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Some captures were saved in the old site's own encoding.
            text = Encoding.GetEncoding(936).GetString(bytes);
            result.Repairs.Add("文件为 GBK 编码，已按 GBK 读取");
        }

        var repaired = LegacyText.Repair(text, converter);
        result.Repairs.AddRange(repaired.Repairs);
        result.Unrepaired.AddRange(repaired.Unrepaired);
        if (string.IsNullOrWhiteSpace(repaired.Markdown))
        {
            result.Error = "修复后正文为空";
            return result;
        }

        // Metadata: what the sidecar knows; what it doesn't is left for an editor.
        var title = entry.Title?.Trim() is { Length: > 0 } t ? LegacyText.FixCommas(converter.ToSimplified(t)).Text : null;
        if (title is { Length: > Article.TitleMaxLength })
        {
            title = title[..Article.TitleMaxLength];
        }
        DateTime? published = null;
        if (entry.Date is { } date)
        {
            if (BeijingTime.TryParse(date, out var utc))
            {
                published = utc;
            }
            else
            {
                result.Unrepaired.Add($"日期“{date}”无法识别（应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm）");
            }
        }
        var channel = entry.Channel is { } slug ? channels.BySlug(slug.Trim()) ?? channels.Roots.Concat(channels.Roots.SelectMany(r => r.Children)).FirstOrDefault(c => c.Name == slug.Trim()) : null;
        if (entry.Channel is not null && channel is null)
        {
            result.Unrepaired.Add($"栏目“{entry.Channel}”不存在");
        }
        if (title is null) { result.Missing.Add("标题"); }
        if (published is null) { result.Missing.Add("日期"); }
        if (channel is null) { result.Missing.Add("栏目"); }
        if (entry.Number is null) { result.Missing.Add("编号（已分配新编号，旧链接无法对应）"); }
        result.IsDraft = result.Missing.Count > 0;

        // A file without a number was given one on its first import; the same file finds it again by content.
        var number = entry.Number
            ?? await db.Articles.Where(a => a.ImportHash == hash).Select(a => (int?)a.Number).FirstOrDefaultAsync(ct)
            ?? newNumber();
        result.Number = number;
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Number == number, ct);
        if (article is not null && article.ImportHash?.StartsWith(HashPrefix, StringComparison.Ordinal) != true)
        {
            result.Error = $"编号 {number} 已被现有文章《{article.Title}》使用";
            return result;
        }
        if (article?.ImportHash == hash && article.RenderVersion == MarkdownRenderer.Version)
        {
            result.Outcome = LegacyImportReport.Unchanged;
            result.Title = article.Title;
            return result;
        }

        var fallbackChannel = channel ?? channels.BySlug("bendi") ?? (channels.Roots.Count > 0 ? channels.Roots[0] : null);
        if (fallbackChannel is null)
        {
            result.Error = "站点还没有任何栏目，请先导入 content/ 或创建栏目";
            return result;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        result.Title = title ?? PlaceholderTitle + Summaries.FromPlainText(renderer.Render(repaired.Markdown).PlainText, 20);
        result.Outcome = article is null ? (result.IsDraft ? "新增草稿" : "新增并发布") : (result.IsDraft ? "更新草稿" : "更新");

        if (article is null)
        {
            article = new Article { Number = number, CreatedAt = now };
            db.Articles.Add(article);
        }
        else
        {
            await db.Entry(article).Collection(a => a.Credits).LoadAsync(ct);
        }
        // Only what the old file says is written; what an editor added since (cover, flags, tags) stays.
        writer.Write(article, ArticleContent.From(article) with
        {
            Title = result.Title,
            Body = repaired.Markdown,
            Summary = null,
            SummaryFromBody = true,
            ChannelId = fallbackChannel.Id,
            CountyId = fallbackChannel.Kind == ChannelKind.County ? fallbackChannel.Id : null,
            Source = Article.DefaultSource,
            Credits = [.. repaired.Credits.Select((c, i) => new Credit { Role = c.Role, Name = c.Name, Position = i })],
        }, name => new Tag { Name = name });
        article.Status = result.IsDraft ? ArticleStatus.Draft : ArticleStatus.Published;
        article.PublishAt = published;
        article.FirstPublishedAt = result.IsDraft ? null : published;
        article.ImportHash = hash;
        article.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            result.Error = "保存失败：" + (e.InnerException?.Message ?? e.Message);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return result;
    }
}
