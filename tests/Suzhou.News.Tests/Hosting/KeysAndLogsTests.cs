using System.Net;
using Suzhou.News.Accounts;

namespace Suzhou.News.Tests.Hosting;

public sealed class KeysAndLogsTests : IDisposable
{
    readonly NewsApp _app = new(new()
    {
        ["Database:SeedOnStartup"] = "false",
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Debug",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_sign_in_survives_a_restart_because_the_keys_are_kept_in_the_data_folder()
    {
        var email = await _app.CreateStaffAsync(Roles.Editor);
        var login = await _app.CreateReader().SubmitAsync("/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Staff.Password,
        });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sn.auth=", StringComparison.Ordinal)).Split(';')[0];

        // A second host on the same data folder: a new process as far as data protection knows.
        using var restarted = new NewsApp(new() { ["Storage:DataPath"] = _app.DataPath, ["Database:SeedOnStartup"] = "false" });
        var client = restarted.CreateReader();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_app.DataPath, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        const string Marker = "Marker-Pw-7Q9Z-0042";
        var email = await _app.CreateStaffAsync(Roles.Reporter);
        var client = _app.CreateReader();
        // A failed sign-in with the marker, a successful one, and a password change to the marker.
        await client.SubmitAsync("/admin/account/login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Marker });
        var signedIn = await _app.SignInAsync(email);
        await signedIn.SubmitAsync("/admin/account/changepassword", new Dictionary<string, string>
        {
            ["Input.Current"] = Staff.Password,
            ["Input.New"] = Marker,
            ["Input.Confirm"] = Marker,
        });
        await _app.SignInAsync(email, Marker);

        var log = ReadLogs();
        Assert.Contains("Sign-in failed for " + email, log); // the event is there, so the log was written
        Assert.DoesNotContain(Marker, log);
    }

    [Fact]
    public async Task A_forged_form_is_logged_as_a_security_event()
    {
        await _app.CreateReader().PostAsync("/admin/account/login", new FormUrlEncodedContent([new("Input.Email", "x@example.cn")]));

        Assert.Contains("Antiforgery validation failed for POST /admin/account/login", ReadLogs());
    }

    [Fact]
    public async Task Each_request_is_logged_to_the_file_in_the_data_folder()
    {
        await _app.CreateReader().GetAsync("/search?q=request-log-probe");

        Assert.Contains("HTTP GET /search responded 200", ReadLogs());
    }

    [Fact]
    public async Task Request_events_follow_the_configured_level()
    {
        using var quiet = new NewsApp(new() { ["Database:SeedOnStartup"] = "false", ["Serilog:MinimumLevel:Default"] = "Warning" });
        await quiet.CreateReader().GetAsync("/search?q=x");
        await quiet.CreateReader().PostAsync("/admin/account/login", new FormUrlEncodedContent([new("Input.Email", "x@example.cn")]));

        var log = ReadLogs(quiet.DataPath);
        Assert.Contains("Antiforgery validation failed", log); // warnings still reach the file
        Assert.DoesNotContain("HTTP GET /search responded", log);
    }

    string ReadLogs() => ReadLogs(_app.DataPath);

    static string ReadLogs(string dataPath)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(dataPath, "logs")))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }
}
