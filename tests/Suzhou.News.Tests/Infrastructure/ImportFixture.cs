using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Import;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>
/// An empty site (migrated, not seeded) and a scratch content folder with the real channels.yml, topics and
/// one picture, into which a test writes the article files it needs.
/// </summary>
public sealed class ImportFixture : IDisposable
{
    public NewsApp App { get; } = new(new() { ["Database:SeedOnStartup"] = "false" });

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "suzhou-news-import", Guid.NewGuid().ToString("N"));

    public ImportFixture()
    {
        Directory.CreateDirectory(Path.Combine(Root, "articles"));
        Directory.CreateDirectory(Path.Combine(Root, "media"));
        Directory.CreateDirectory(Path.Combine(Root, "topics"));
        File.Copy(Path.Combine(NewsApp.ContentPath, "channels.yml"), Path.Combine(Root, "channels.yml"));
        File.Copy(Path.Combine(NewsApp.ContentPath, "topics", "yunhe.md"), Path.Combine(Root, "topics", "yunhe.md"));
        File.Copy(Path.Combine(NewsApp.ContentPath, "media", "grand-canal.svg"), Path.Combine(Root, "media", "grand-canal.svg"));
        _ = App.Server; // start the host: migrations run
    }

    /// <summary>Writes <c>articles/{name}</c> and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, "articles", name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public Task<ImportReport> ImportAsync() =>
        App.Services.GetRequiredService<ContentImporter>().ImportAsync(Root, new RecordingListener());

    public NewsDbContext OpenDb() => App.Services.CreateScope().ServiceProvider.GetRequiredService<NewsDbContext>();

    /// <summary>A valid article; pass overrides as whole front-matter lines (key: value) to replace or add.</summary>
    public static string Article(int number, params string[] lines)
    {
        var fields = new List<string>
        {
            $"number: {number}",
            "title: 泗县运河古道完成清淤",
            "summary: 运河古道清淤工程完工，沿线新增步道。",
            "channel: sixian",
            "topics: [yunhe]",
            "tags: [大运河, 泗县]",
            "credits: {记者: [李航]}",
            "editor: 陈静",
            "published: 2026-10-20 09:00",
        };
        foreach (var line in lines)
        {
            var key = line.Split(':')[0];
            var index = fields.FindIndex(f => f.StartsWith(key + ":", StringComparison.Ordinal));
            if (line.EndsWith(":-", StringComparison.Ordinal))
            {
                fields.RemoveAt(index); // "key:-" removes the field
            }
            else if (index >= 0)
            {
                fields[index] = line;
            }
            else
            {
                fields.Add(line);
            }
        }
        return "---\n" + string.Join('\n', fields) + "\n---\n本报讯 泗县运河古道清淤工程日前完工。\n\n## 新增步道\n\n沿线新增步道三公里。\n";
    }

    public void Dispose()
    {
        App.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    sealed class RecordingListener : IImportListener
    {
        public void Started(string what, int total) { }
        public void Advanced(int done) { }
        public void Problem(ImportProblem problem) { }
    }
}
