using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Suzhou.News.Data;
using Suzhou.News.Domain;
using Suzhou.News.Media;
using Suzhou.News.Rendering;
using Suzhou.News.Site;
using YamlDotNet.RepresentationModel;

namespace Suzhou.News.Import;

/// <summary>
/// Imports a content folder (<c>channels.yml</c>, <c>media/</c>, <c>topics/</c>, <c>pages/</c>, <c>articles/</c>).
/// Idempotent: articles are keyed by number and an unchanged file is skipped. A bad file is reported as
/// <c>file:line: reason</c> and skipped whole; each article is saved in its own transaction.
/// </summary>
public sealed class ContentImporter(
    IServiceScopeFactory scopes,
    MarkdownRenderer renderer,
    MediaLibrary media,
    ChannelCatalog catalog,
    TimeProvider clock,
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
        await ImportChannelsAsync(db, root, Problem, ct);
        catalog.Invalidate();
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
            logger.LogWarning("Database is empty and the seed folder {SeedPath} does not exist; starting with no content", directory);
            return;
        }
        logger.LogInformation("Database is empty: importing seed content from {SeedPath}", directory);
        var report = await ImportAsync(directory, new LoggingListener(logger), ct);
        logger.LogInformation("Seed import: {Summary}", report.Summary);
    }

    sealed class LoggingListener(ILogger logger) : IImportListener
    {
        public void Started(string what, int total) { }
        public void Advanced(int done) { }
        public void Problem(ImportProblem problem) => logger.LogWarning("Import: {Problem}", problem.ToString());
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

    static async Task ImportChannelsAsync(NewsDbContext db, string root, Action<ImportProblem> problem, CancellationToken ct)
    {
        var path = Path.Combine(root, "channels.yml");
        if (!File.Exists(path))
        {
            return;
        }
        var display = Display(path);
        var stream = FrontMatterFile.LoadYaml(await File.ReadAllTextAsync(path, ct),
            (line, message) => problem(new(display, line, message + "（栏目未更新）")));
        if (stream is null)
        {
            return;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            problem(new(display, 1, "channels.yml 应为栏目列表"));
            return;
        }

        var existing = await db.Channels.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var position = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Upsert(YamlSequenceNode items, Channel? parent)
        {
            foreach (var item in items)
            {
                var line = (int)item.Start.Line;
                if (item is not YamlMappingNode map)
                {
                    problem(new(display, line, "每个栏目应包含 slug 和 name"));
                    continue;
                }
                string? Get(string key) =>
                    map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim() : null;

                var slug = Get("slug");
                var name = Get("name");
                if (slug is null || !Slugs.IsValid(slug))
                {
                    problem(new(display, line, $"栏目 slug“{slug}”无效：只能用小写字母、数字和连字符，最长 {Channel.SlugMaxLength} 个字符"));
                    continue;
                }
                if (name is null || name.Length > Channel.NameMaxLength)
                {
                    problem(new(display, line, $"栏目 {slug} 缺少名称 name，或名称超过 {Channel.NameMaxLength} 个字"));
                    continue;
                }
                if (!seen.Add(slug))
                {
                    problem(new(display, line, $"栏目 slug {slug} 重复"));
                    continue;
                }
                var kind = Get("kind") switch
                {
                    null or "news" => ChannelKind.News,
                    "county" => ChannelKind.County,
                    "topics" => ChannelKind.Topics,
                    _ => (ChannelKind?)null,
                };
                if (kind is null)
                {
                    problem(new(display, line, $"栏目 {slug} 的 kind 只能是 news、county 或 topics"));
                    continue;
                }
                if (!existing.TryGetValue(slug, out var channel))
                {
                    channel = new Channel { Slug = slug };
                    db.Channels.Add(channel);
                    existing[slug] = channel;
                }
                channel.Name = name;
                channel.Description = Get("description");
                channel.Kind = kind.Value;
                channel.Position = position++;
                channel.Parent = parent;
                if (map.Children.TryGetValue(new YamlScalarNode("children"), out var children) && children is YamlSequenceNode childList)
                {
                    Upsert(childList, channel);
                }
            }
        }

        Upsert(list, null);
        await db.SaveChangesAsync(ct);
    }

    // ---- topics and pages --------------------------------------------------------------------

    async Task ImportTopicsAsync(NewsDbContext db, string root, HashSet<string> mediaFiles, Action<ImportProblem> problem, CancellationToken ct)
    {
        var folder = Path.Combine(root, "topics");
        if (!Directory.Exists(folder))
        {
            return;
        }
        var position = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var problems = new List<ImportProblem>();
            var file = FrontMatterFile.Read(path, Display(path), problems.Add);
            if (file is not null)
            {
                var fields = new YamlFields(file, problems);
                var slug = fields.Text("slug", Channel.SlugMaxLength) ?? Path.GetFileNameWithoutExtension(path);
                var title = fields.Text("title", Article.TitleMaxLength, required: true, label: "专题标题");
                var summary = fields.Text("summary", Article.SummaryMaxLength);
                var cover = ReadCover(fields, mediaFiles);
                fields.WarnUnknownKeys();
                if (!Slugs.IsValid(slug))
                {
                    fields.Error(fields.Node("slug"), $"专题 slug“{slug}”无效：只能用小写字母、数字和连字符");
                }
                if (!fields.HasErrors)
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
                }
            }
            problems.ForEach(problem);
        }
    }

    async Task ImportPagesAsync(NewsDbContext db, string root, Action<ImportProblem> problem, CancellationToken ct)
    {
        var folder = Path.Combine(root, "pages");
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var problems = new List<ImportProblem>();
            var file = FrontMatterFile.Read(path, Display(path), problems.Add);
            if (file is not null)
            {
                var fields = new YamlFields(file, problems);
                var slug = fields.Text("slug", Channel.SlugMaxLength) ?? Path.GetFileNameWithoutExtension(path);
                var title = fields.Text("title", Article.TitleMaxLength, required: true, label: "页面标题");
                fields.WarnUnknownKeys();
                if (!fields.HasErrors)
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
                }
            }
            problems.ForEach(problem);
        }
    }

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
        var context = new ArticleReadContext(channels, topics, mediaFiles);

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

    sealed record ArticleReadContext(ChannelCatalog.Snapshot Channels, Dictionary<string, int> Topics, HashSet<string> MediaFiles);

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
        var values = ReadArticle(file, fields, context);
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

    sealed record ArticleValues(
        int Number, string Title, string? Kicker, string? Subtitle, string? Summary,
        int ChannelId, int? CountyId, List<int> TopicIds, List<string> Tags, List<Credit> Credits,
        string? Editor, string Source, CoverImage? Cover,
        bool Headline, bool Featured, bool Slideshow, bool Pinned,
        ArticleStatus Status, DateTime? Published, DateTime? Updated, List<Correction> Corrections, string Body);

    ArticleValues? ReadArticle(FrontMatterFile file, YamlFields f, ArticleReadContext context)
    {
        var number = f.PositiveInt("number", required: true, "文章编号 number ");
        var title = f.Text("title", Article.TitleMaxLength, required: true, label: "标题");
        var kicker = f.Text("kicker", Article.LineMaxLength, label: "引题");
        var subtitle = f.Text("subtitle", Article.LineMaxLength, label: "副题");
        var summary = f.Text("summary", Article.SummaryMaxLength, label: "导语");
        var editor = f.Text("editor", 50, label: "责任编辑");
        var source = f.Text("source", 50, label: "来源") ?? Article.DefaultSource;

        int? channelId = null;
        var channelSlug = f.Text("channel", Channel.SlugMaxLength, required: true, label: "栏目");
        if (channelSlug is not null)
        {
            var channel = context.Channels.BySlug(channelSlug);
            if (channel is null || channel.Kind == ChannelKind.Topics)
            {
                f.Error(f.Node("channel"), $"未知栏目“{channelSlug}”，可用的栏目见 channels.yml");
            }
            else
            {
                channelId = channel.Id;
            }
        }

        int? countyId = null;
        var countySlug = f.Text("county", Channel.SlugMaxLength, label: "县区");
        if (countySlug is not null)
        {
            var county = context.Channels.BySlug(countySlug);
            if (county is not { Kind: ChannelKind.County })
            {
                f.Error(f.Node("county"), $"未知县区“{countySlug}”，可用：{string.Join("、", context.Channels.Counties.Select(c => c.Slug))}");
            }
            else
            {
                countyId = county.Id;
            }
        }
        else if (context.Channels.ById(channelId) is { Kind: ChannelKind.County } countyChannel)
        {
            countyId = countyChannel.Id;
        }

        var topicIds = new List<int>();
        foreach (var (slug, node) in f.List("topics"))
        {
            if (context.Topics.TryGetValue(slug, out var id))
            {
                topicIds.Add(id);
            }
            else
            {
                f.Error(node, $"未知专题“{slug}”，请先在 topics/ 中建立");
            }
        }

        var tagNames = new List<string>();
        foreach (var (name, node) in f.List("tags"))
        {
            if (name.Length > Tag.NameMaxLength)
            {
                f.Error(node, $"标签“{name}”超过 {Tag.NameMaxLength} 个字");
            }
            else if (!tagNames.Contains(name))
            {
                tagNames.Add(name);
            }
        }

        var credits = new List<Credit>();
        if (f.Map("credits") is { } creditMap)
        {
            foreach (var (role, keyNode, value) in creditMap.Entries())
            {
                if (!CreditRoles.TryParse(role, out var creditRole))
                {
                    f.Error(keyNode, $"未知署名角色“{role}”，可用：记者、通讯员、摄影、实习生");
                    continue;
                }
                var position = 0;
                foreach (var (name, node) in creditMap.List(value, role))
                {
                    if (name.Length > 50)
                    {
                        f.Error(node, $"署名“{name}”过长");
                        continue;
                    }
                    credits.Add(new Credit { Role = creditRole, Name = name, Position = position++ });
                }
            }
        }

        var cover = ReadCover(f, context.MediaFiles);

        bool headline = false, featured = false, slideshow = false, pinned = false;
        foreach (var (flag, node) in f.List("flags"))
        {
            switch (flag)
            {
                case "头条" or "headline": headline = true; break;
                case "推荐" or "featured": featured = true; break;
                case "幻灯" or "slideshow": slideshow = true; break;
                case "置顶" or "pinned": pinned = true; break;
                default: f.Error(node, $"未知标记“{flag}”，可用：头条、推荐、幻灯、置顶"); break;
            }
        }
        if (slideshow && cover is null && f.Node("cover") is null)
        {
            f.Error(f.Node("flags"), "标记为“幻灯”的文章需要封面图片 cover");
        }

        var statusText = f.Text("status", 20, label: "状态");
        ArticleStatus? status = statusText switch
        {
            null or "published" or "已发布" => ArticleStatus.Published,
            "draft" or "草稿" => ArticleStatus.Draft,
            "review" or "待审" => ArticleStatus.InReview,
            _ => null,
        };
        if (status is null)
        {
            f.Error(f.Node("status"), $"未知状态“{statusText}”，可用：已发布、草稿、待审");
        }
        var published = f.Time("published", required: status == ArticleStatus.Published, "发布时间 published");
        var updated = f.Time("updated", required: false, "更新时间 updated");
        if (published is not null && updated is not null && updated < published)
        {
            f.Error(f.Node("updated"), "更新时间不能早于发布时间");
        }
        if (status == ArticleStatus.Published && published > clock.GetUtcNow().UtcDateTime)
        {
            status = ArticleStatus.Scheduled;
        }

        var corrections = new List<Correction>();
        switch (f.Node("corrections"))
        {
            case null:
                break;
            case YamlSequenceNode list:
                foreach (var item in list)
                {
                    if (item is not YamlMappingNode)
                    {
                        f.Error(item, "每条更正应包含 time（时间）和 reason（更正内容）");
                        continue;
                    }
                    var entry = new YamlFields(file, (YamlMappingNode)item, []);
                    var time = f.Time(entry.Node("time"), "time", required: true, "更正时间");
                    var reason = entry.Node("reason") is YamlScalarNode { Value: { Length: > 0 } r } ? r.Trim() : null;
                    if (reason is null)
                    {
                        f.Error(item, "更正缺少 reason（更正内容）");
                    }
                    else if (time is not null)
                    {
                        corrections.Add(new Correction { At = time.Value, Reason = reason });
                    }
                }
                break;
            default:
                f.Error(f.Node("corrections"), "corrections 应为列表，每项包含 time 和 reason");
                break;
        }

        if (string.IsNullOrWhiteSpace(file.Body))
        {
            f.Error("正文为空：YAML 头信息之后应有正文");
        }
        f.WarnUnknownKeys();

        if (f.HasErrors || number is null || title is null || channelId is null || status is null)
        {
            return null;
        }
        return new ArticleValues(number.Value, title, kicker, subtitle, summary, channelId.Value, countyId, topicIds, tagNames,
            credits, editor, source, cover, headline, featured, slideshow, pinned, status.Value, published, updated, corrections, file.Body);
    }

    void Apply(Article article, ArticleValues v, string hash, Dictionary<string, Tag> tags, NewsDbContext db)
    {
        var rendered = renderer.Render(v.Body);
        article.Title = v.Title;
        article.Kicker = v.Kicker;
        article.Subtitle = v.Subtitle;
        article.Summary = v.Summary ?? Summaries.FromPlainText(rendered.PlainText);
        article.BodyMarkdown = v.Body;
        article.BodyHtml = rendered.Html;
        article.BodyPlainText = rendered.PlainText;
        article.RenderVersion = MarkdownRenderer.Version;
        article.ChannelId = v.ChannelId;
        article.CountyId = v.CountyId;
        article.Editor = v.Editor;
        article.Source = v.Source;
        article.Cover = v.Cover;
        article.IsHeadline = v.Headline;
        article.IsFeatured = v.Featured;
        article.IsSlideshow = v.Slideshow;
        article.IsPinned = v.Pinned;
        article.Status = v.Status;
        article.PublishAt = v.Published;
        article.FirstPublishedAt = v.Status == ArticleStatus.Published ? v.Published : null;
        article.UpdatedAt = v.Updated;
        article.Credits = v.Credits;
        article.Corrections = v.Corrections;
        article.ImportHash = hash;
        article.Version = Guid.NewGuid();

        article.Tags.Clear();
        foreach (var name in v.Tags)
        {
            if (!tags.TryGetValue(name, out var tag))
            {
                tags[name] = tag = new Tag { Name = name };
            }
            else if (db.Entry(tag).State == EntityState.Detached)
            {
                db.Tags.Attach(tag);
            }
            article.Tags.Add(tag);
        }

        article.Topics.RemoveAll(t => !v.TopicIds.Contains(t.TopicId));
        foreach (var topicId in v.TopicIds.Where(id => article.Topics.All(t => t.TopicId != id)))
        {
            article.Topics.Add(new ArticleTopic { TopicId = topicId });
        }
    }
}
