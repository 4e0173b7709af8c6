using System.Net;
using Suzhou.News.Hosting;

namespace Suzhou.News.Tests.TipOffs;

/// <summary>Rate limits, failures while saving and bad limit settings: each on a site of its own.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task Too_many_posts_answer_429_with_Retry_After_and_the_Chinese_page_while_reading_still_works()
    {
        using var app = new NewsApp(TipOffSite.Settings(permitLimit: 2));
        var client = app.CreateReader();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/tips/new", TipOffData.Tip())).StatusCode);
        }

        var response = await client.SubmitAsync("/tips/new", TipOffData.Tip("第三条"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var page = await Html.ParseAsync(response);
        Assert.Equal("请求过于频繁", page.One("main h1").Text());
        Assert.Contains("提交没有被接收", page.One(".error-page").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await TipOffData.CountAsync(app, q => q.Where(s => s.Title == "第三条")));
        // Reading the form is never limited, and the report form has its own window.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tips/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/reports/new", TipOffData.Report())).StatusCode);
    }

    [Fact]
    public async Task A_failure_while_saving_tells_the_sender_it_was_not_received_and_keeps_the_text()
    {
        using var app = new NewsApp(TipOffSite.Settings());
        var client = app.CreateReader();
        // A file where the attachments folder should be: the save fails even for root.
        await File.WriteAllTextAsync(Path.Combine(app.DataPath, "attachments"), "in the way");
        var fields = TipOffData.Tip("保存失败的爆料");

        var response = await client.SubmitAsync("/tips/new", fields, files: [new FormFile("Attachments", "a.png", TipOffData.Png(), "image/png")]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("没有收到", page.One(".form-alert").Text(), StringComparison.Ordinal);
        Assert.Equal("保存失败的爆料", page.One("#Input_Title").GetAttribute("value"));
        Assert.Equal(fields["Input.Body"], page.One("#Input_Body").TextContent.Trim());
        Assert.Equal(0, await TipOffData.CountAsync(app));
    }

    [Fact]
    public void Bad_limit_settings_are_named_in_the_start_up_check()
    {
        var limits = new LimitsOptions();
        limits.Forms.PermitLimit = 0;
        limits.Uploads[LimitsOptions.TipOffUploads].MaxFileBytes = -1;

        var problems = limits.Problems().ToList();

        Assert.Contains(problems, f => f.Contains("Limits:Forms:PermitLimit", StringComparison.Ordinal));
        Assert.Contains(problems, f => f.Contains("Limits:Uploads:TipOffs:MaxFileBytes", StringComparison.Ordinal));
        Assert.Empty(new LimitsOptions().Problems());
    }

    [Fact]
    public void Limit_settings_are_checked_when_the_site_starts()
    {
        using var app = new NewsApp(new() { ["Limits:Lookups:WindowSeconds"] = "0", ["Database:SeedOnStartup"] = "false" });

        // Program.cs turns the validation failure into exit code 2 before the server starts.
        Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());
    }

    [Fact]
    public async Task Contact_details_never_reach_the_log()
    {
        var settings = TipOffSite.Settings();
        settings["Serilog:MinimumLevel:Default"] = "Information";
        using var app = new NewsApp(settings);
        var fields = TipOffData.Tip();
        fields["Input.Phone"] = "13912345678";
        fields["Input.Email"] = "secret-tipster@example.cn";
        fields["Input.Name"] = "隐名爆料人";
        var client = app.CreateReader();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/tips/new", fields)).StatusCode);
        var receipt = await client.GetPageAsync("/tips/received");
        var code = receipt.One(".lookup-code").Text();

        var logs = string.Join("\n", Directory.GetFiles(Path.Combine(app.DataPath, "logs")).Select(ReadShared));
        Assert.Contains(receipt.One(".receipt-number").Text(), logs, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-tipster", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("隐名爆料人", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(code, logs, StringComparison.Ordinal);
    }

    static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
