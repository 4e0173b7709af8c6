using System.Net;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Tests.TipOffs;

[Collection(TipOffSiteCollection.Name)]
public sealed class TipFormTests(TipOffSite site)
{
    readonly NewsApp _app = site.App;

    static string Marker() => "线索" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Valid_tip_is_committed_with_its_files_before_the_receipt_shows_it_once()
    {
        var client = _app.CreateReader();
        var title = Marker();
        var response = await client.SubmitAsync("/tips/new", TipOffData.Tip(title), files:
        [
            new FormFile("Attachments", "井盖.png", TipOffData.Png(2000), "image/png"),
            new FormFile("Attachments", "情况说明.pdf", TipOffData.Pdf(3000), "application/pdf"),
        ]);

        // Before the browser even asks for the receipt, the row and its files are readable by a fresh connection.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tips/received", response.Headers.Location!.OriginalString, ignoreCase: true);
        await using (var db = TipOffData.FreshContext(_app))
        {
            var row = db.Submissions.Single(s => s.Title == title);
            Assert.Equal(SubmissionKind.Tip, row.Kind);
            Assert.Equal(SubmissionStatus.Received, row.Status);
            Assert.Equal("13905570000", row.ContactPhone);
            Assert.Null(row.DueAt);
        }

        var receipt = await Html.ParseAsync(await client.GetAsync("/tips/received"));
        var number = receipt.One(".receipt-number").Text();
        var code = receipt.One(".lookup-code").Text();
        Assert.Matches(@"^BL\d{8}-[2-9A-HJKMNP-Z]{4}$", number);
        Assert.Matches(@"^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$", code);

        var saved = await TipOffData.FindAsync(_app, number);
        Assert.NotNull(saved);
        Assert.Equal(title, saved.Title);
        Assert.DoesNotContain(ReceiptCodes.Normalize(code), saved.LookupCodeHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, saved.LookupCodeHash.Length);
        Assert.Equal(["application/pdf", "image/png"], saved.Attachments.Select(a => a.ContentType).Order());
        foreach (var attachment in saved.Attachments)
        {
            var path = Path.Combine(_app.DataPath, "attachments", attachment.StoredName);
            Assert.True(File.Exists(path));
            Assert.Equal(attachment.Length, new FileInfo(path).Length);
            Assert.Matches("^[0-9a-f]{32}$", attachment.StoredName);
        }
        Assert.Contains(saved.Attachments, a => a.OriginalName == "井盖.png");

        // The code is shown once: reloading the receipt page shows no number and no code.
        var again = await client.GetPageAsync("/tips/received");
        Assert.Null(again.QuerySelector(".lookup-code"));
        Assert.Null(again.QuerySelector(".receipt-number"));
        Assert.Equal("回执只显示一次", again.One("main h1").Text());
    }

    [Fact]
    public async Task Status_page_shows_the_status_for_the_right_pair_in_any_case_and_spacing()
    {
        var (number, code) = await SubmitTipAsync();
        var client = _app.CreateReader();

        var response = await client.SubmitAsync("/tips/status", new Dictionary<string, string>
        {
            ["Input.ReceiptNumber"] = number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal),
            ["Input.LookupCode"] = code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal),
        });

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("已受理", page.One(".status-name").Text());
        Assert.Contains(number, page.One(".status-result h2").Text(), StringComparison.Ordinal);
        Assert.Equal("", page.One("#Input_LookupCode").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Wrong_pairs_get_the_same_not_found_whatever_part_was_wrong()
    {
        var (number, code) = await SubmitTipAsync();
        var (otherNumber, _) = await SubmitTipAsync();
        var client = _app.CreateReader();
        var wrongCode = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var answers = new List<string>();
        foreach (var (page, receipt, lookup) in new[]
        {
            ("/tips/status", number, wrongCode),
            ("/tips/status", otherNumber, code),
            ("/tips/status", "BL20990101-AAAA", code),
            ("/reports/status", number, code),
            ("/tips/status", "' OR 1=1 --", "<script>alert(1)</script>"),
        })
        {
            var response = await client.SubmitAsync(page, new Dictionary<string, string>
            {
                ["Input.ReceiptNumber"] = receipt,
                ["Input.LookupCode"] = lookup,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await Html.ParseAsync(response);
            Assert.Null(document.QuerySelector(".status-result"));
            answers.Add(document.One(".form-alert li").Text());
        }
        Assert.Single(answers.Distinct());
        Assert.StartsWith("没有找到", answers[0], StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "Input.Title", "", "请填写标题" },
        { "Input.Title", TipOffData.Repeat('长', 101), "标题不能超过 100 个字" },
        { "Input.Body", "太短了", "事情经过请写 10 到 5000 个字" },
        { "Input.Body", TipOffData.Repeat('多', 5001), "事情经过请写 10 到 5000 个字" },
        { "Input.Place", "", "请填写发生地点" },
        { "Input.OccurredOn", "", "请填写发生日期" },
        { "Input.OccurredOn", "昨天下午", "日期格式应为" },
        { "Input.OccurredOn", "2099-01-01", "不能晚于今天" },
        { "Input.OccurredOn", "1990-01-01", "不能早于十年前" },
        { "Input.CountyId", "999999", "请从列表中选择县区" },
        { "Input.CountyId", "abc", "不是" },
        { "Input.Name", TipOffData.Repeat('名', 51), "姓名不能超过 50 个字" },
        { "Input.Phone", "call me", "请填写有效的电话号码" },
        { "Input.Email", "wang-at-example", "请填写有效的电子邮箱" },
        { "Input.Consent", "false", "请阅读并勾选同意" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_invalid_field_gets_its_message_beside_it_and_keeps_what_was_typed(string field, string value, string message)
    {
        var client = _app.CreateReader();
        var title = Marker();
        var fields = TipOffData.Tip(title);
        if (field != "Input.Title")
        {
            fields["Input.Body"] = "这段经过的文字必须原样留在表单里，不会丢失。" + title;
        }
        fields[field] = value;

        var response = await client.SubmitAsync("/tips/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.One($"[data-valmsg-for='{field}']").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".form-alert[role=alert]"));
        if (field != "Input.Body")
        {
            Assert.Equal(fields["Input.Body"], page.One("textarea#Input_Body").TextContent.Trim());
        }
        if (field != "Input.Place")
        {
            Assert.Equal(fields["Input.Place"], page.One("#Input_Place").GetAttribute("value"));
        }
        if (field != "Input.Phone")
        {
            Assert.Equal("13905570000", page.One("#Input_Phone").GetAttribute("value"));
        }
        Assert.Equal(0, await TipOffData.CountAsync(_app, q => q.Where(s => s.Body.Contains(title))));
    }

    public static TheoryData<string, string> BadAttachments => new()
    {
        { "text", "不是可接受的文件类型" },
        { "html", "不是可接受的文件类型" },
        { "empty", "是空文件" },
        { "big", "超过了单个文件" },
        { "many", "最多只能上传 3 个附件" },
    };

    [Theory]
    [MemberData(nameof(BadAttachments))]
    public async Task Bad_attachments_are_refused_beside_the_field_and_nothing_is_stored(string kind, string message)
    {
        var client = _app.CreateReader();
        var title = Marker();
        List<FormFile> files = kind switch
        {
            "text" => [new FormFile("Attachments", "photo.jpg", "just text, not a picture"u8.ToArray(), "image/jpeg")],
            "html" => [new FormFile("Attachments", "x.png", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png")],
            "empty" => [new FormFile("Attachments", "empty.png", [], "image/png")],
            "big" => [new FormFile("Attachments", "big.mp4", TipOffData.Mp4(TipOffSite.MaxFileBytes + 1), "video/mp4")],
            _ => Enumerable.Range(1, TipOffSite.MaxFiles + 1).Select(i => new FormFile("Attachments", $"{i}.jpg", TipOffData.Jpeg(), "image/jpeg")).ToList(),
        };
        var before = Directory.Exists(Path.Combine(_app.DataPath, "attachments")) ? Directory.GetFiles(Path.Combine(_app.DataPath, "attachments")).Length : 0;

        var response = await client.SubmitAsync("/tips/new", TipOffData.Tip(title), files: files);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(message, page.One(".field-error-list").Text(), StringComparison.Ordinal);
        Assert.Contains("请重新选择附件", page.One(".hint-warn").Text(), StringComparison.Ordinal);
        Assert.Equal(title, page.One("#Input_Title").GetAttribute("value"));
        Assert.Equal(0, await TipOffData.CountAsync(_app, q => q.Where(s => s.Title == title)));
        var after = Directory.Exists(Path.Combine(_app.DataPath, "attachments")) ? Directory.GetFiles(Path.Combine(_app.DataPath, "attachments")).Length : 0;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_short_video_and_pictures_within_the_limits_are_accepted()
    {
        var client = _app.CreateReader();
        var title = Marker();

        var response = await client.SubmitAsync("/tips/new", TipOffData.Tip(title), files:
        [
            new FormFile("Attachments", "现场.mp4", TipOffData.Mp4(TipOffSite.MaxFileBytes), "video/mp4"),
            new FormFile("Attachments", "a.jpg", TipOffData.Jpeg(), "image/jpeg"),
            new FormFile("Attachments", "b.gif", "GIF89a-------"u8.ToArray(), "image/gif"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = TipOffData.FreshContext(_app);
        var types = db.Submissions.Where(s => s.Title == title).SelectMany(s => s.Attachments).Select(a => a.ContentType).ToList();
        Assert.Equal(["image/gif", "image/jpeg", "video/mp4"], types.Order());
    }

    [Fact]
    public async Task Filled_honeypot_is_refused_and_nothing_is_stored()
    {
        var title = Marker();
        var fields = TipOffData.Tip(title);
        fields["Input.Homepage"] = "http://spam.example";

        var response = await _app.CreateReader().SubmitAsync("/tips/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求有误", (await Html.ParseAsync(response)).One("main h1").Text());
        Assert.Equal(0, await TipOffData.CountAsync(_app, q => q.Where(s => s.Title == title)));
    }

    [Fact]
    public async Task Honeypot_is_hidden_from_people_and_skipped_by_the_keyboard()
    {
        var page = await _app.CreateReader().GetPageAsync("/tips/new");

        var honeypot = page.One("#Input_Homepage");
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("true", honeypot.Closest(".hp-field")!.GetAttribute("aria-hidden"));
    }

    [Fact]
    public async Task Form_without_the_antiforgery_token_is_refused()
    {
        var title = Marker();
        var fields = TipOffData.Tip(title);
        var content = new FormUrlEncodedContent(fields);

        var response = await _app.CreateReader().PostAsync("/tips/new", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await TipOffData.CountAsync(_app, q => q.Where(s => s.Title == title)));
    }

    [Fact]
    public async Task Oversized_upload_answers_413_with_the_Chinese_page_and_stores_nothing()
    {
        var title = Marker();
        var files = Enumerable.Range(1, 5).Select(i => new FormFile("Attachments", $"{i}.png", TipOffData.Png(TipOffSite.MaxRequestBytes / 4), "image/png")).ToList();

        var response = await _app.CreateReader().SubmitAsync("/tips/new", TipOffData.Tip(title), files: files);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("提交的内容过大", page.One("main h1").Text());
        Assert.Contains("没有被接收", page.One(".error-page").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await TipOffData.CountAsync(_app, q => q.Where(s => s.Title == title)));
    }

    [Fact]
    public async Task Oversized_chunked_upload_without_a_length_also_answers_413()
    {
        var client = _app.CreateReader();
        var page = await client.GetPageAsync("/tips/new");
        var token = page.One("input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StreamContent(new MemoryStream(TipOffData.Png(TipOffSite.MaxRequestBytes * 2))), "Attachments", "big.png" },
        };
        await multipart.LoadIntoBufferAsync();
        var body = await multipart.ReadAsByteArrayAsync();
        using var chunked = new StreamContent(new NoLengthStream(body));
        chunked.Headers.ContentType = multipart.Headers.ContentType;

        var response = await client.PostAsync("/tips/new", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("提交的内容过大", (await Html.ParseAsync(response)).One("main h1").Text());
    }

    /// <summary>A body whose length the client cannot know, so it is sent chunked.</summary>
    sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Tip_page_lists_the_counties()
    {
        var page = await _app.CreateReader().GetPageAsync("/tips/new");

        var options = page.QuerySelectorAll("#Input_CountyId option").Select(o => o.Text()).ToList();
        Assert.Contains("埇桥区", options);
        Assert.Contains("泗县", options);
        Assert.Equal("multipart/form-data", page.One("main form").GetAttribute("enctype"));
    }

    async Task<(string Number, string Code)> SubmitTipAsync()
    {
        var client = _app.CreateReader();
        var response = await client.SubmitAsync("/tips/new", TipOffData.Tip(Marker()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var receipt = await client.GetPageAsync("/tips/received");
        return (receipt.One(".receipt-number").Text(), receipt.One(".lookup-code").Text());
    }
}
