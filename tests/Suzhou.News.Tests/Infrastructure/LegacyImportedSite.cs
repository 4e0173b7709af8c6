using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Import;
using Suzhou.News.Import.Legacy;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>The seeded site with the fixture folder imported twice (the second time changes nothing).</summary>
public sealed class LegacyImportedSite : IDisposable
{
    public NewsApp App { get; } = new();
    public LegacyImportReport First { get; }
    public LegacyImportReport Second { get; }
    public List<string> Notes { get; } = [];

    /// <summary>The old newsroom's files the legacy tests import (Import/Legacy/Fixtures, copied beside the tests).</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Import", "Legacy", "Fixtures");

    public static string FixturePath(string name) => Path.Combine(Fixtures, name);

    public LegacyImportedSite()
    {
        _ = App.Server;
        var importer = App.Services.GetRequiredService<LegacyImporter>();
        First = importer.ImportAsync(Fixtures, App.DataPath, new QuietListener(), Notes.Add).GetAwaiter().GetResult();
        Second = importer.ImportAsync(Fixtures, App.DataPath, new QuietListener(), _ => { }).GetAwaiter().GetResult();
    }

    sealed class QuietListener : IImportListener
    {
        public void Started(string what, int total) { }
        public void Advanced(int done) { }
        public void Problem(ImportProblem problem) { }
    }

    public NewsDbContext OpenDb() => App.Services.CreateScope().ServiceProvider.GetRequiredService<NewsDbContext>();

    public void Dispose() => App.Dispose();
}
