using System.Net;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Tests.TipOffs;

[Collection(TipOffSiteCollection.Name)]
public sealed class ReportFormTests(TipOffSite site)
{
    readonly NewsApp _app = site.App;

    [Fact]
    public async Task Article_report_link_prefills_the_reported_address()
    {
        var client = _app.CreateReader();
        var article = await client.GetPageAsync(SeedArticles.Headline);

        var form = await client.GetPageAsync(article.One("a.report-link").GetAttribute("href")!);

        Assert.Equal(SeedArticles.Headline, form.One("#Input_Url").GetAttribute("value"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x")]
    public async Task Report_page_does_not_prefill_an_address_that_is_not_a_web_page(string url)
    {
        var form = await _app.CreateReader().GetPageAsync("/reports/new?url=" + Uri.EscapeDataString(url));

        Assert.Equal("", form.One("#Input_Url").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Valid_report_gets_a_JB_receipt_and_a_handling_deadline()
    {
        var client = _app.CreateReader();
        var url = "https://example.cn/post/" + Guid.NewGuid().ToString("N");

        var response = await client.SubmitAsync("/reports/new", TipOffData.Report(url), files:
            [new FormFile("Attachments", "截图.webp", [.. "RIFF"u8.ToArray(), 0, 0, 0, 0, .. "WEBPVP8 "u8.ToArray()], "image/webp")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reports/received", response.Headers.Location!.OriginalString, ignoreCase: true);
        var receipt = await client.GetPageAsync("/reports/received");
        var number = receipt.One(".receipt-number").Text();
        Assert.StartsWith("JB", number, StringComparison.Ordinal);
        var row = await TipOffData.FindAsync(_app, number);
        Assert.NotNull(row);
        Assert.Equal(SubmissionKind.Report, row.Kind);
        Assert.Equal(ReportCategory.Rumour, row.Category);
        Assert.Equal(url, row.ReportedUrl);
        Assert.Equal(row.ReceivedAt.AddDays(7), row.DueAt);
        Assert.Equal("image/webp", Assert.Single(row.Attachments).ContentType);

        var status = await Html.ParseAsync(await client.SubmitAsync("/reports/status", new Dictionary<string, string>
        {
            ["Input.ReceiptNumber"] = number,
            ["Input.LookupCode"] = receipt.One(".lookup-code").Text(),
        }));
        Assert.Equal("已受理", status.One(".status-name").Text());
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Input.Category", "", "请选择举报类别" },
        { "Input.Category", "99", "不是有效值" },
        { "Input.Category", "Nonsense", "不是" },
        { "Input.Url", "", "请填写被举报内容的网址或文章" },
        { "Input.Url", "javascript:alert(1)", "请填写以 http:// 或 https:// 开头的网址" },
        { "Input.Url", "https://example.cn/" + new string('a', 500), "网址不能超过 500 个字符" },
        { "Input.Body", "", "请说明举报理由" },
        { "Input.Body", "不好", "举报理由请写 10 到 5000 个字" },
        { "Input.Phone", "abc", "请填写有效的电话号码" },
        { "Input.Email", "@@", "请填写有效的电子邮箱" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_invalid_field_gets_its_message_beside_it_and_keeps_what_was_typed(string field, string value, string message)
    {
        var marker = "举报" + Guid.NewGuid().ToString("N")[..8];
        var fields = TipOffData.Report();
        if (field != "Input.Body")
        {
            fields["Input.Body"] = "这段举报理由必须原样留在表单里。" + marker;
        }
        fields[field] = value;

        var response = await _app.CreateReader().SubmitAsync("/reports/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.One($"[data-valmsg-for='{field}']").Text(), StringComparison.Ordinal);
        if (field != "Input.Body")
        {
            Assert.Equal(fields["Input.Body"], page.One("textarea#Input_Body").TextContent.Trim());
            Assert.Equal(0, await TipOffData.CountAsync(_app, q => q.Where(s => s.Body.Contains(marker))));
        }
        if (field != "Input.Category")
        {
            Assert.Equal("Rumour", page.One("#Input_Category option[selected]").GetAttribute("value"));
        }
    }

    [Fact]
    public async Task Filled_honeypot_is_refused()
    {
        var fields = TipOffData.Report();
        fields["Input.Homepage"] = "spam";

        var response = await _app.CreateReader().SubmitAsync("/reports/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_report_answers_413_with_the_Chinese_page()
    {
        var response = await _app.CreateReader().SubmitAsync("/reports/new", TipOffData.Report(), files:
            [new FormFile("Attachments", "big.pdf", TipOffData.Pdf(TipOffSite.MaxRequestBytes + 1), "application/pdf")]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("提交的内容过大", (await Html.ParseAsync(response)).One("main h1").Text());
    }

    [Fact]
    public async Task Contact_page_links_the_forms_and_counts_this_months_reports()
    {
        var client = _app.CreateReader();
        var before = await client.GetPageAsync("/contact");
        var received = int.Parse(before.One(".report-counts tbody tr td").Text(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/reports/new", TipOffData.Report())).StatusCode);

        var page = await client.GetPageAsync("/contact");
        Assert.NotNull(page.QuerySelector("a[href='/reports/new']"));
        Assert.NotNull(page.QuerySelector("a[href='/tips/new']"));
        Assert.NotNull(page.QuerySelector("a[href='/reports/status']"));
        Assert.Equal(6, page.QuerySelectorAll(".report-counts tbody tr").Length);
        Assert.Equal(received + 1, int.Parse(page.One(".report-counts tbody tr td").Text(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_page_links_to_the_tip_form()
    {
        var page = await _app.CreateReader().GetPageAsync("/");

        Assert.NotNull(page.QuerySelector(".site-header a[href='/tips/new']"));
        Assert.NotNull(page.QuerySelector(".site-footer a[href='/tips/new']"));
        Assert.NotNull(page.QuerySelector(".site-footer a[href='/reports/new']"));
    }
}
