using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;

namespace Suzhou.News.BrowserTests.Infrastructure;

/// <summary>
/// The real site behind Kestrel on a loopback port, on a fresh temporary data folder that it migrates and seeds
/// from content/ at start. Small list pages, so a channel has a page 2; room in the public forms' rate limits.
/// </summary>
public sealed class LiveSite : WebApplicationFactory<Program>
{
    public const int PageSize = 5;
    public const string StaffPassword = "browser-pass-2026";

    public LiveSite()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "suzhou-news-browser-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(0);
    }

    public string DataPath { get; }

    /// <summary>The origin the browser talks to, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        using var client = CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("Site:PageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every journey's browser comes from 127.0.0.1, so they share the per-address windows of the public forms;
        // the limits themselves are tested in Suzhou.News.Tests.
        builder.UseSetting("Limits:Forms:PermitLimit", "100");
        builder.UseSetting("Limits:Lookups:PermitLimit", "100");
    }

    /// <summary>Creates a newsroom account through the app's own account service; returns its email.</summary>
    public async Task<string> CreateStaffAsync(string role, string name)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.cn";
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var result = await accounts.CreateAsync(email, name, StaffPassword, [role]);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A log file may still be closing; the OS cleans its temp folder eventually.
            }
        }
    }
}
