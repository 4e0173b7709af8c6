using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Search;

namespace Suzhou.News.Tests.Data;

/// <summary>
/// <c>Database:Provider</c> really switches the database: the suite runs once per provider (see
/// <see cref="TestDatabase"/>), and these tests prove which one is active and that it is complete.
/// </summary>
public sealed class DatabaseProviderTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task The_site_runs_on_the_provider_the_test_run_asked_for_with_all_its_migrations_applied()
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.IsType(TestDatabase.IsPostgres ? typeof(PostgresNewsDbContext) : typeof(NewsDbContext), db);
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Search_on_the_active_provider_finds_a_two_character_word_with_title_hits_first()
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<ArticleSearch>();

        var results = await search.SearchAsync(new SearchRequest("宿州", PageSize: 100));

        Assert.NotEmpty(results.Hits);
        var inTitle = results.Hits.Select(h => h.Title.Contains("宿州", StringComparison.Ordinal) || (h.Kicker?.Contains("宿州", StringComparison.Ordinal) ?? false)).ToList();
        Assert.Contains(true, inTitle);
        Assert.Contains(false, inTitle);
        // Every title hit comes before every other hit.
        Assert.Equal(inTitle.OrderByDescending(t => t), inTitle);
    }

    [Fact]
    public void Both_migration_sets_are_in_step_with_the_model()
    {
        using var sqlite = new DesignTimeNewsDbContextFactory().CreateDbContext([]);
        using var postgres = new DesignTimePostgresNewsDbContextFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: run dotnet ef migrations add … --context NewsDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: run dotnet ef migrations add … --context PostgresNewsDbContext --output-dir Data/Migrations/Postgres");
    }
}
