using Suzhou.News.Accounts;
using Suzhou.News.BrowserTests.Infrastructure;
using Suzhou.News.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Suzhou.News.BrowserTests.Journeys;

/// <summary>
/// Journey 3: a reader sends a tip too early and is told what is missing, then sends it with a photo, keeps the
/// receipt and looks the tip up; an editor finds it in the newsroom inbox, downloads the very photo that was sent
/// and assigns the tip to a reporter; the reader's next lookup shows 已分派. The reader and the editor each have
/// their own browser (context), as they would.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TipOffJourney(BrowserSite browser)
{
    const string PhotoName = "积水路口.jpg";

    [BrowserFact]
    public async Task Reader_files_a_tip_with_a_photo_and_sees_the_editor_assign_it()
    {
        var reporterName = "陈晓雨";
        await browser.Site.CreateStaffAsync(Roles.Reporter, reporterName);
        var editorEmail = await browser.Site.CreateStaffAsync(Roles.Editor, "王编辑");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        var tip = new Tip(
            Title: "汴河路银河一路口雨后积水没过脚踝",
            Body: "昨天傍晚下雨后，汴河路与银河一路交口积水很深，电动车过不去，不少人只能绕行。排水口好像被落叶堵住了。",
            County: "埇桥区",
            OccurredOn: yesterday,
            Place: "埇桥区汴河路与银河一路交口",
            ContactName: "张女士",
            Phone: "0557-3021234");

        await using var reader = await browser.NewJourneyAsync("tipoff-reader", BrowserSite.Desktop);
        var form = await TipFormPage.OpenAsync(reader.Page);
        await form.SubmitUnfinishedAsync(tip.Title);
        await reader.StepAsync("tip-form-unfinished");

        var photo = SamplePhoto.Jpeg();
        await form.FillAsync(tip, PhotoName, photo);
        await reader.StepAsync("tip-form-filled");

        var receiptPage = await form.SubmitAsync();
        var (number, code) = await receiptPage.ReadAsync();
        await reader.StepAsync("tip-receipt");

        var status = await receiptPage.CheckStatusAsync();
        await reader.StepAsync("status-form");
        await status.LookUpAsync(number, code, "已受理");
        await reader.StepAsync("status-received");

        await using (var editor = await browser.NewJourneyAsync("tipoff-editor", BrowserSite.Desktop))
        {
            var dashboard = await (await LoginPage.OpenAsync(editor.Page)).SignInAsync(editorEmail, LiveSite.StaffPassword);
            var inbox = await InboxPage.OpenFromMenuAsync(dashboard);
            await Expect(inbox.Row(number)).ToContainTextAsync(tip.Title);
            await Expect(inbox.Row(number)).ToContainTextAsync("附件 1");
            await editor.StepAsync("inbox-list");

            var item = await inbox.OpenAsync(number);
            await Expect(item.Fact("状态")).ToHaveTextAsync("已受理");
            await Expect(item.Fact("地点")).ToHaveTextAsync(tip.Place);
            Assert.Equal(photo, await item.DownloadAsync(PhotoName));
            await editor.StepAsync("inbox-item");

            await item.AssignAsync(reporterName);
            await Expect(item.Fact("状态")).ToHaveTextAsync("已分派");
            await editor.StepAsync("inbox-item-assigned");
            await editor.FinishAsync();
        }

        status = await TipStatusPage.OpenAsync(reader.Page);
        await status.LookUpAsync(number, code, "已分派");
        await reader.StepAsync("status-assigned");
        await reader.FinishAsync();
    }
}
