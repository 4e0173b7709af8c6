using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Hosting;

/// <summary><c>/healthz</c> and <c>/readyz</c> for load balancers: plain text, never cached.</summary>
public sealed class HealthTests : IDisposable
{
    readonly NewsApp _app = new(new() { ["Database:SeedOnStartup"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Healthz_answers_200_in_plain_text_and_is_never_cached()
    {
        var response = await _app.CreateReader().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Readyz_answers_200_when_the_database_has_every_migration()
    {
        var response = await _app.CreateReader().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Readyz_answers_503_while_a_migration_is_pending_and_healthz_still_200()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // As if the newest migration had not run yet (a node started before `migrate`).
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var newest = (await db.Database.GetAppliedMigrationsAsync()).Max()!;
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {newest}");
        }
        var client = _app.CreateReader();

        var ready = await client.GetAsync("/readyz");
        var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
