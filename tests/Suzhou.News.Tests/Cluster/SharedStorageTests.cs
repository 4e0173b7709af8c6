using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Accounts;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Tests.Cluster;

/// <summary>
/// What several nodes share besides the database, each set by configuration: media and attachments on a shared
/// mount (logs stay per node), and the data-protection keys in the database.
/// </summary>
public sealed class SharedStorageTests : IDisposable
{
    readonly string _shared = Path.Combine(Path.GetTempPath(), "suzhou-news-tests", "shared-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_shared))
        {
            Directory.Delete(_shared, recursive: true);
        }
    }

    [Fact]
    public async Task Media_attachments_and_logs_go_where_storage_settings_say()
    {
        using var app = new NewsApp(new()
        {
            ["Storage:MediaPath"] = Path.Combine(_shared, "media"),
            ["Storage:AttachmentsPath"] = Path.Combine(_shared, "attachments"),
            ["Storage:LogsPath"] = Path.Combine(_shared, "logs-node-a"),
            ["Serilog:MinimumLevel:Default"] = "Information",
        });

        var client = app.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // started and seeded

        var picture = Path.GetFileName(Directory.GetFiles(Path.Combine(_shared, "media")).First());
        var served = await client.GetAsync("/media/" + picture);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "media")));
        Assert.Equal(Path.Combine(_shared, "attachments"), app.Services.GetRequiredService<AttachmentStore>().Root);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_shared, "logs-node-a")));
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "logs")));
    }

    [Fact]
    public async Task With_keys_in_the_database_a_node_with_another_keys_folder_honours_the_sign_in()
    {
        using var first = new NewsApp(new()
        {
            ["Database:SeedOnStartup"] = "false",
            ["DataProtection:Store"] = "Database",
        });
        var email = await first.CreateStaffAsync(Roles.Editor);
        var login = await first.CreateReader().SubmitAsync("/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sn.auth=", StringComparison.Ordinal)).Split(';')[0];

        using var second = new NewsApp(first, new()
        {
            ["Database:SeedOnStartup"] = "false",
            ["DataProtection:Store"] = "Database",
            ["Storage:KeysPath"] = Path.Combine(_shared, "keys-second"),
        });
        var client = second.CreateReader();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await first.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.Empty(FilesIn(Path.Combine(first.DataPath, "keys")));
    }

    static string[] FilesIn(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    [Fact]
    public void An_unknown_key_store_is_refused_with_a_chinese_message()
    {
        using var app = new NewsApp(new() { ["DataProtection:Store"] = "Redis", ["Database:SeedOnStartup"] = "false" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Suzhou.News.Cluster.KeyStoreOptions>>().Value);

        Assert.Contains("DataProtection:Store 只能是 Files 或 Database", error.Failures);
    }
}
