using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.Data;

namespace Suzhou.News.Tests.Accounts;

/// <summary>Several nodes starting at once on one database all come up, with one first admin between them.</summary>
public sealed class FirstAdminRaceTests : IDisposable
{
    readonly NewsApp _app = new(new() { ["Database:SeedOnStartup"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Concurrent_starts_create_each_role_and_the_first_admin_once_and_none_fails()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await db.Set<IdentityUserRole<string>>().ExecuteDeleteAsync();
            await db.Users.ExecuteDeleteAsync();
            await db.Roles.ExecuteDeleteAsync();
        }

        // Each call is what one node does at start-up.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _app.Services.EnsureFirstAdminAsync())));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
            Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
        }
    }
}
