using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using Suzhou.News.Feeds;
using Suzhou.News.Media;
using Suzhou.News.Site;

namespace Suzhou.News.Import;

/// <summary>
/// Imports a content folder (<c>channels.yml</c>, <c>media/</c>, <c>topics/</c>, <c>pages/</c>, <c>articles/</c>).
/// Idempotent: articles are keyed by number and an unchanged file is skipped. A bad file is reported as
/// <c>file:line: reason</c> and skipped whole; each article is saved in its own transaction.
/// </summary>
public sealed partial class ContentImporter(
    IServiceScopeFactory scopes,
    MarkdownRenderer renderer,
    ArticleWriter writer,
    MediaLibrary media,
    ChannelCatalog catalog,
    TimeProvider clock,
    ILinkSubmitter links,
    ILogger<ContentImporter> logger)
{
    /// <summary>Imports <paramref name="directory"/>; throws <see cref="DirectoryNotFoundException"/> when it is missing.</summary>
    public async Task<ImportReport> ImportAsync(string directory, IImportListener listener, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"内容目录不存在：{directory}");
        }
        var started = clock.GetTimestamp();
        var report = new ImportReport();
        void Problem(ImportProblem p)
        {
            report.Problems.Add(p);
            listener.Problem(p);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        var mediaFiles = ImportMedia(root, Problem);
        var channelsFile = Path.Combine(root, "channels.yml");
        if (File.Exists(channelsFile))
        {
            await ChannelTreeFile.ImportAsync(db, channelsFile, Display(channelsFile), Problem, ct);
        }
        catalog.Invalidate(); // the site's navigation and the article checks below read the new tree
        await ImportTopicsAsync(db, root, mediaFiles, Problem, ct);
        await ImportPagesAsync(db, root, Problem, ct);
        await ImportArticlesAsync(db, root, mediaFiles, report, listener, Problem, ct);

        report.Elapsed = clock.GetElapsedTime(started);
        return report;
    }

    /// <summary>Imports the seed folder when the database holds no articles yet (first start).</summary>
    public async Task SeedIfEmptyAsync(string directory, CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles.AnyAsync(ct))
            {
                return;
            }
        }
        if (!Directory.Exists(directory))
        {
            LogNoSeedFolder(logger, directory);
            return;
        }
        LogSeeding(logger, directory);
        var report = await ImportAsync(directory, new LoggingListener(logger), ct);
        LogSeeded(logger, report.Summary);
    }

    sealed class LoggingListener(ILogger logger) : IImportListener
    {
        public void Started(string what, int total) { }
        public void Advanced(int done) { }
        public void Problem(ImportProblem problem) => LogProblem(logger, problem.ToString());
    }

    static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    // ---- media -------------------------------------------------------------------------------

    /// <summary>Copies <c>media/</c> into the media library; returns the names it holds, for reference checks.</summary>
    HashSet<string> ImportMedia(string root, Action<ImportProblem> problem)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var folder = Path.Combine(root, "media");
        if (!Directory.Exists(folder))
        {
            return names;
        }
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!MediaLibrary.ContentTypes.ContainsKey(Path.GetExtension(file)))
            {
                problem(new(Display(file), 1, "不支持的图片格式，已跳过（支持 svg、png、jpg、gif、webp）", IsWarning: true));
                continue;
            }
            if (SvgSafety.Check(file) is { } unsafeReason)
            {
                problem(new(Display(file), 1, unsafeReason));
                continue;
            }
            media.Import(file);
            names.Add(name);
        }
        return names;
    }

    /// <summary>Resolves <c>media/x.svg</c> written in front matter to the site URL, if the file was imported.</summary>
    string? MediaUrl(string src, HashSet<string> mediaFiles)
    {
        var name = src.StartsWith("media/", StringComparison.Ordinal) ? src[6..]
            : src.StartsWith(MediaLibrary.UrlPrefix, StringComparison.Ordinal) ? src[MediaLibrary.UrlPrefix.Length..]
            : null;
        if (name is null || name.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }
        var url = MediaLibrary.UrlPrefix + name;
        return mediaFiles.Contains(name) || File.Exists(Path.Combine(media.Root, name)) ? url : null;
    }

    CoverImage? ReadCover(YamlFields fields, HashSet<string> mediaFiles)
    {
        if (fields.Map("cover") is not { } cover)
        {
            return null;
        }
        var src = cover.Text("src", 300, required: true, label: "封面图片路径");
        var alt = cover.Text("alt", 200, required: true, label: "封面图片的替代文字");
        var caption = cover.Text("caption", 300);
        var credit = cover.Text("credit", 50);
        cover.WarnUnknownKeys();
        if (src is null || alt is null)
        {
            return null;
        }
        if (MediaUrl(src, mediaFiles) is not { } url)
        {
            cover.Error(cover.Node("src"), $"封面图片 {src} 不存在：应为 media/ 目录中的文件，例如 media/gaotie-station.svg");
            return null;
        }
        var size = media.SizeOf(url);
        return new CoverImage { Src = url, Alt = alt, Caption = caption, Credit = credit, Width = size?.Width, Height = size?.Height };
    }

    // ---- channels ----------------------------------------------------------------------------
    // ---- topics and pages --------------------------------------------------------------------

    /// <summary>Reads each <c>*.md</c> in a folder: <paramref name="read"/> checks the fields and returns the save step, which runs only when the file has no errors.</summary>
    static async Task ForEachDocumentAsync(string folder, Action<ImportProblem> problem, Func<FrontMatterFile, YamlFields, Func<Task>?> read)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var problems = new List<ImportProblem>();
            if (FrontMatterFile.Read(path, Display(path), problems.Add) is { } file)
            {
                var fields = new YamlFields(file, problems);
                var save = read(file, fields);
                fields.WarnUnknownKeys();
                if (save is not null && !fields.HasErrors)
                {
                    await save();
                }
            }
            problems.ForEach(problem);
        }
    }

    Task ImportTopicsAsync(NewsDbContext db, string root, HashSet<string> mediaFiles, Action<ImportProblem> problem, CancellationToken ct)
    {
        var position = 0;
        return ForEachDocumentAsync(Path.Combine(root, "topics"), problem, (file, fields) =>
        {
            var slug = fields.Text("slug", Channel.SlugMaxLength) ?? Path.GetFileNameWithoutExtension(file.DisplayPath);
            var title = fields.Text("title", Article.TitleMaxLength, required: true, label: "专题标题");
            var summary = fields.Text("summary", Article.SummaryMaxLength);
            var cover = ReadCover(fields, mediaFiles);
            if (!Slugs.IsValid(slug))
            {
                fields.Error(fields.Node("slug"), $"专题 slug“{slug}”无效：只能用小写字母、数字和连字符");
            }
            return async () =>
            {
                var topic = await db.Topics.FirstOrDefaultAsync(t => t.Slug == slug, ct);
                if (topic is null)
                {
                    topic = new Topic { Slug = slug, CreatedAt = clock.GetUtcNow().UtcDateTime };
                    db.Topics.Add(topic);
                }
                topic.Title = title!;
                topic.Summary = summary;
                topic.Cover = cover;
                topic.Position = position++;
                topic.IntroMarkdown = file.Body;
                topic.IntroHtml = renderer.Render(file.Body).Html;
                await db.SaveChangesAsync(ct);
            };
        });
    }

    Task ImportPagesAsync(NewsDbContext db, string root, Action<ImportProblem> problem, CancellationToken ct) =>
        ForEachDocumentAsync(Path.Combine(root, "pages"), problem, (file, fields) =>
        {
            var slug = fields.Text("slug", Channel.SlugMaxLength) ?? Path.GetFileNameWithoutExtension(file.DisplayPath);
            var title = fields.Text("title", Article.TitleMaxLength, required: true, label: "页面标题");
            return async () =>
            {
                var page = await db.SitePages.FirstOrDefaultAsync(p => p.Slug == slug, ct);
                if (page is null)
                {
                    page = new SitePage { Slug = slug };
                    db.SitePages.Add(page);
                }
                page.Title = title!;
                page.BodyMarkdown = file.Body;
                page.BodyHtml = renderer.Render(file.Body).Html;
                page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            };
        });

    // ---- articles ----------------------------------------------------------------------------

    async Task ImportArticlesAsync(NewsDbContext db, string root, HashSet<string> mediaFiles, ImportReport report,
        IImportListener listener, Action<ImportProblem> problem, CancellationToken ct)
    {
        var folder = Path.Combine(root, "articles");
        var paths = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            : Directory.EnumerateFiles(root, "*.md").Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase));
        var files = paths.Order(StringComparer.Ordinal).ToList();
        report.Total = files.Count;
        listener.Started("文章", files.Count);

        var channels = await catalog.GetAsync(ct);
        var topics = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, StringComparer.Ordinal, ct);
        var tags = await db.Tags.ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, ct);
        var numbers = new Dictionary<int, string>();
        var context = new ArticleReadContext(channels, topics, fields => ReadCover(fields, mediaFiles));

        for (var i = 0; i < files.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var path = files[i];
            var problems = new List<ImportProblem>();
            var outcome = await ImportArticleAsync(db, path, context, tags, numbers, problems, ct);
            problems.ForEach(problem);
            switch (outcome)
            {
                case Outcome.Added: report.Added++; break;
                case Outcome.Updated: report.Updated++; break;
                case Outcome.Unchanged: report.Unchanged++; break;
                default: report.Skipped++; break;
            }
            listener.Advanced(i + 1);
        }
    }

    enum Outcome { Skipped, Added, Updated, Unchanged }

    async Task<Outcome> ImportArticleAsync(NewsDbContext db, string path, ArticleReadContext context,
        Dictionary<string, Tag> tags, Dictionary<int, string> numbers, List<ImportProblem> problems, CancellationToken ct)
    {
        var display = Display(path);
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        var file = FrontMatterFile.Read(path, display, problems.Add);
        if (file is null)
        {
            return Outcome.Skipped;
        }
        var fields = new YamlFields(file, problems);
        var values = ArticleFrontMatter.Read(file, fields, context, clock.GetUtcNow().UtcDateTime);
        if (values is null || fields.HasErrors)
        {
            return Outcome.Skipped;
        }
        if (numbers.TryGetValue(values.Number, out var first))
        {
            fields.Error(fields.Node("number"), $"文章编号 {values.Number} 重复：已由 {first} 使用");
            return Outcome.Skipped;
        }
        numbers[values.Number] = display;

        var article = await db.Articles
            .Include(a => a.Tags).Include(a => a.Topics).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Number == values.Number, ct);
        if (article?.ImportHash == hash && article.RenderVersion == MarkdownRenderer.Version)
        {
            return Outcome.Unchanged;
        }

        var outcome = article is null ? Outcome.Added : Outcome.Updated;
        if (article is null)
        {
            article = new Article { Number = values.Number, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Articles.Add(article);
        }
        try
        {
            Apply(article, values, hash, tags, db);
            await db.SaveChangesAsync(ct);
            SubmitIfNewlyPublished(article, outcome);
            return outcome;
        }
        catch (DbUpdateException e)
        {
            problems.Add(new(display, 1, "保存失败，文件已跳过：" + (e.InnerException?.Message ?? e.Message)));
            foreach (var tag in tags.Values.Where(t => t.Id == 0).ToList())
            {
                tags.Remove(tag.Name);
            }
            return Outcome.Skipped;
        }
        finally
        {
            // Keep the tracker small on big imports; tags stay cached by id and are re-attached on use.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A story that just went public is offered to search engines; an archive import is not.</summary>
    void SubmitIfNewlyPublished(Article article, Outcome outcome)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome == Outcome.Added && article.Status == ArticleStatus.Published
            && article.FirstPublishedAt is { } at && at <= now && at > now.AddDays(-2))
        {
            links.Enqueue(new Uri(ArticlePath.For(article.Number, at), UriKind.Relative));
        }
    }

    void Apply(Article article, ArticleFrontMatter v, string hash, Dictionary<string, Tag> tags, NewsDbContext db)
    {
        var content = new ArticleContent
        {
            Title = v.Title,
            Kicker = v.Kicker,
            Subtitle = v.Subtitle,
            Summary = v.Summary,
            SummaryFromBody = true,
            Body = v.Body,
            ChannelId = v.ChannelId,
            CountyId = v.CountyId,
            Editor = v.Editor,
            Source = v.Source,
            Cover = v.Cover,
            IsHeadline = v.Headline,
            IsFeatured = v.Featured,
            IsSlideshow = v.Slideshow,
            IsPinned = v.Pinned,
            Credits = v.Credits,
            Tags = v.Tags,
            TopicIds = v.TopicIds,
        };
        writer.Write(article, content, name =>
        {
            if (!tags.TryGetValue(name, out var tag))
            {
                tags[name] = tag = new Tag { Name = name };
            }
            else if (db.Entry(tag).State == EntityState.Detached)
            {
                db.Tags.Attach(tag);
            }
            return tag;
        });
        article.Status = v.Status;
        article.PublishAt = v.Published;
        article.FirstPublishedAt = v.Status == ArticleStatus.Published ? v.Published : null;
        article.UpdatedAt = v.Updated;
        article.Corrections = v.Corrections;
        article.ImportHash = hash;
        article.Version = Guid.NewGuid();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database is empty and the seed folder {SeedPath} does not exist; starting with no content")]
    static partial void LogNoSeedFolder(ILogger logger, string seedPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database is empty: importing seed content from {SeedPath}")]
    static partial void LogSeeding(ILogger logger, string seedPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed import: {Summary}")]
    static partial void LogSeeded(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import: {Problem}")]
    static partial void LogProblem(ILogger logger, string problem);
}
