namespace Suzhou.News.Tests.Articles;

public sealed class HomeBlocksTests : IDisposable
{
    readonly ImportFixture _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task A_quiet_channel_still_shows_its_stories_when_a_busy_one_fills_the_recent_window()
    {
        for (var i = 0; i < 310; i++)
        {
            _content.Write($"busy-{i}.md", ImportFixture.Article(310000 + i, "channel: bendi", "topics:-", $"title: 本地快讯第{i}条",
                $"published: 2026-11-{1 + i / 20:00} {8 + i % 12:00}:{i % 60:00}"));
        }
        _content.Write("quiet.md", ImportFixture.Article(300001, "channel: jiankang", "topics:-", "title: 健康栏目的旧稿件", "published: 2026-01-05 09:00"));
        var report = await _content.ImportAsync();
        Assert.Equal(311, report.Added);

        var home = await _content.App.CreateReader().GetPageAsync("/");

        var health = home.QuerySelectorAll(".channel-blocks .block").Single(b => b.QuerySelector(".block-title span")!.Text() == "健康");
        Assert.Equal("健康栏目的旧稿件", health.QuerySelector(".block-lead h3")!.Text());
        var local = home.QuerySelectorAll(".channel-blocks .block").Single(b => b.QuerySelector(".block-title span")!.Text() == "本地");
        Assert.Equal(5, local.QuerySelectorAll(".news-list li").Length);
    }
}
