using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;
using Suzhou.News.Accounts;

namespace Suzhou.News.Tests.Search;

public sealed class SearchIndexInterceptorTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Fact]
    public async Task A_concurrency_conflict_leaves_no_open_transaction_behind_and_the_next_save_commits()
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var article = await db.Articles.OrderBy(a => a.Id).FirstAsync();
        await using (var other = site.App.OpenDatabase())
        {
            // Someone else saves the article first.
            await other.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, Guid.NewGuid()));
        }

        article.Title += "（改）";
        article.Version = Guid.NewGuid();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Null(db.Database.CurrentTransaction);
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry { At = DateTime.UtcNow, UserName = "test", Action = "test.after-conflict", Target = "x" });
        await db.SaveChangesAsync();
        await using var fresh = site.App.OpenDatabase();
        Assert.True(await fresh.AuditEntries.AnyAsync(e => e.Action == "test.after-conflict"));
    }
}
