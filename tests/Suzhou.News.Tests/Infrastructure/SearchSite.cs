using Suzhou.News.Articles;

namespace Suzhou.News.Tests.Infrastructure;

/// <summary>A seeded site plus a few articles with words no seed article uses.</summary>
public sealed class SearchSite : IAsyncLifetime
{
    public NewsApp App { get; } = new(new() { ["Site:PageSize"] = "5" });
    public DateTime Now { get; } = DateTime.UtcNow;
    public Article TitleHit { get; private set; } = null!;
    public Article NewerBodyHit { get; private set; } = null!;
    public Article NewestBodyHit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = App.Server; // start: migrate and seed
        TitleHit = await TestArticles.AddAsync(App, 990001, "翠鸟湾湿地公园开园", "公园位于城东，市民可以免费入园。", Now.AddDays(-30));
        NewerBodyHit = await TestArticles.AddAsync(App, 990002, "城东新建三处口袋公园", "其中一处紧邻翠鸟湾，设有步道。", Now.AddDays(-5));
        NewestBodyHit = await TestArticles.AddAsync(App, 990003, "周末出行提示", "前往翠鸟湾的市民请乘坐公交。", Now.AddDays(-1));
        await TestArticles.AddAsync(App, 990004, "G3快线与5G基站同步投用", "2024年开工的萧县段本月完工。", Now.AddDays(-2), channel: "jingji");
        await TestArticles.AddAsync(App, 990005, "草稿：翠鸟湾二期", "尚未发布。", Now.AddDays(-1), ArticleStatus.Draft);
        await TestArticles.AddAsync(App, 990006, "<b>青檀巷</b>改造完成", "青檀巷<script>alert(1)</script>焕然一新。", Now.AddDays(-3));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
