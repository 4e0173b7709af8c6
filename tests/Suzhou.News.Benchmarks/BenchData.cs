using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Suzhou.News.Articles;
using Suzhou.News.Channels;
using Suzhou.News.Data;

namespace Suzhou.News.Benchmarks;

/// <summary>
/// Generates news-like articles (about 2,000 Chinese characters each, place names, mixed Latin and digits) and
/// saves them through <see cref="NewsDbContext"/>, so everything the app hangs on a save (the search index)
/// runs as it would for real. Deterministic for a given seed. Reusable by other benchmarks.
/// </summary>
public sealed class BenchData(int seed = 20261129)
{
    readonly Random _random = new(seed);

    /// <summary>Words used to build text, most common first (picked with a Zipf-like skew).</summary>
    public static readonly string[] Words =
    [
        // place names and frequent news words
        "宿州", "埇桥区", "砀山县", "萧县", "灵璧县", "泗县", "宿州市", "安徽", "长三角", "淮北", "蚌埠", "合肥", "上海", "南京", "徐州",
        "高铁", "宿州东站", "公交", "地铁", "高速", "G3", "G104", "5G", "2024年", "2025年", "2026年", "12月", "11月",
        "市委", "市政府", "人大", "政协", "常务会议", "书记", "市长", "代表", "委员", "干部", "群众", "居民", "市民", "游客", "学生", "教师", "医生", "农民",
        "经济", "产业", "项目", "企业", "工业园", "开发区", "招商", "投资", "签约", "开工", "投产", "营商环境", "民营经济", "新能源", "新材料", "电子信息", "数字经济",
        "农业", "粮食", "小麦", "玉米", "大豆", "秋收", "秋种", "梨园", "砀山酥梨", "萧县葡萄", "灵璧石", "奇石", "乡村振兴", "合作社", "冷链物流", "电商", "直播带货",
        "教育", "学校", "课堂", "课后服务", "高考", "中考", "幼儿园", "职业教育", "大学", "宿州学院", "图书馆", "城市书房", "阅读",
        "健康", "医院", "医保", "疫苗", "义诊", "老年人", "养老", "社区", "食堂", "志愿者", "文明城市", "垃圾分类", "环境", "空气质量", "河长制", "新汴河", "运河",
        "文旅", "旅游", "景区", "皇藏峪", "大运河", "隋唐", "文化遗产", "非遗", "马戏", "书画", "民俗", "庙会", "灯会", "演出", "音乐节", "马拉松",
        "交通", "道路", "桥梁", "改造", "老旧小区", "棚户区", "停车位", "充电桩", "安全生产", "消防", "防汛", "抗旱", "气象", "降温", "寒潮", "暴雨",
        "就业", "招聘", "技能培训", "社保", "民生实事", "惠民", "补贴", "消费券", "物价", "菜篮子", "蔬菜", "猪肉", "供暖", "燃气", "自来水",
        "法治", "公安", "交警", "法院", "检察院", "反诈", "电信诈骗", "扫黑除恶", "调解", "信访", "网格员",
        "科技", "创新", "专利", "实验室", "人工智能", "大数据", "云计算", "机器人", "智能制造", "数字化", "平台",
        // everyday words that make up most of a sentence
        "今年", "近日", "记者", "获悉", "目前", "已经", "全面", "推进", "加快", "建设", "发展", "提升", "服务", "工作", "会议", "要求", "强调", "落实", "完成",
        "全市", "各地", "部门", "单位", "相关", "负责人", "介绍", "表示", "计划", "预计", "同比", "增长", "百分点", "万元", "亿元", "公里", "小时", "个人",
        "进一步", "持续", "积极", "重点", "保障", "措施", "方案", "政策", "活动", "举办", "开展", "参加", "组织", "群体", "生活", "城市", "农村", "街道", "乡镇",
    ];

    static readonly string[] Joiners = ["，", "的", "和", "在", "对", "把", "将", "为", "与", "是", "了", "也", "都", "从", "向"];

    string Word()
    {
        // Zipf-like: index ~ n * u^2 favours the start of the list.
        var u = _random.NextDouble();
        return Words[(int)(Words.Length * u * u)];
    }

    public string Sentence(int minChars)
    {
        var text = new StringBuilder();
        while (text.Length < minChars)
        {
            text.Append(Word());
            text.Append(Joiners[_random.Next(Joiners.Length)]);
        }
        text.Length--;
        text.Append(_random.Next(6) == 0 ? "！" : "。");
        return text.ToString();
    }

    /// <summary>One article's fields; status mostly Published, a few retracted or drafts.</summary>
    public Article NextArticle(int number, int channelId, int? countyId, DateTime publishedUtc, int bodyChars = 2000)
    {
        var body = new StringBuilder();
        var paragraphs = new List<string>();
        while (body.Length < bodyChars)
        {
            var paragraph = new StringBuilder();
            for (var i = 0; i < 4; i++)
            {
                paragraph.Append(Sentence(30 + _random.Next(40)));
            }
            paragraphs.Add(paragraph.ToString());
            body.Append(paragraph).Append('\n');
        }
        var title = Sentence(12 + _random.Next(10)).TrimEnd('。', '！');
        if (title.Length > Article.TitleMaxLength)
        {
            title = title[..Article.TitleMaxLength];
        }
        var roll = _random.Next(100);
        var status = roll < 96 ? ArticleStatus.Published : roll < 98 ? ArticleStatus.Retracted : ArticleStatus.Draft;
        var plain = body.ToString().TrimEnd();
        return new Article
        {
            Number = number,
            Title = title,
            Summary = Sentence(50)[..Math.Min(50, Article.SummaryMaxLength)],
            BodyMarkdown = string.Join("\n\n", paragraphs),
            BodyHtml = string.Concat(paragraphs.Select((p, i) => i == 1
                ? $"<figure><img src=\"/media/bench-{number % 500}.jpg\" alt=\"{title}\" width=\"1280\" height=\"853\" loading=\"lazy\"><figcaption>{title}（记者 摄）</figcaption></figure><p>{p}</p>"
                : $"<p>{p}</p>")),
            BodyPlainText = plain,
            RenderVersion = 1,
            ChannelId = channelId,
            CountyId = countyId,
            Source = Article.DefaultSource,
            Status = status,
            PublishAt = publishedUtc,
            FirstPublishedAt = status == ArticleStatus.Draft ? null : publishedUtc,
            CreatedAt = publishedUtc,
            // A cover on every fourth story, as on the real lists (the files need not exist for the page figures).
            Cover = number % 4 == 0 ? new CoverImage { Src = $"/media/bench-{number % 500}.jpg", Alt = title, Width = 1280, Height = 853 } : null,
            Credits = [new Credit { Role = CreditRole.Reporter, Name = "记者" + "李王张刘陈杨黄赵"[_random.Next(8)] + "航敏立华"[_random.Next(4)], Position = 0 }],
        };
    }

    /// <summary>Makes sure a channel tree exists; returns (channel ids, county ids).</summary>
    public static async Task<(int[] Channels, int[] Counties)> EnsureChannelsAsync(NewsDbContext db, CancellationToken ct = default)
    {
        if (!db.Channels.Any())
        {
            string[] news = ["yaowen:要闻", "bendi:本地", "shizheng:时政", "shehui:社会", "jingji:经济", "wenlv:文旅", "jiaoyu:教育", "jiankang:健康"];
            var position = 0;
            foreach (var entry in news)
            {
                var (slug, name) = (entry.Split(':')[0], entry.Split(':')[1]);
                db.Channels.Add(new Channel { Slug = slug, Name = name, Position = position++ });
            }
            var xianqu = new Channel { Slug = "xianqu", Name = "县区", Position = position++ };
            db.Channels.Add(xianqu);
            string[] counties = ["yongqiao:埇桥区", "dangshan:砀山县", "xiaoxian:萧县", "lingbi:灵璧县", "sixian:泗县"];
            foreach (var entry in counties)
            {
                var (slug, name) = (entry.Split(':')[0], entry.Split(':')[1]);
                db.Channels.Add(new Channel { Slug = slug, Name = name, Kind = ChannelKind.County, Parent = xianqu, Position = position++ });
            }
            await db.SaveChangesAsync(ct);
        }
        var channels = db.Channels.Where(c => c.Kind == ChannelKind.News).Select(c => c.Id).ToArray();
        var countyIds = db.Channels.Where(c => c.Kind == ChannelKind.County).Select(c => c.Id).ToArray();
        return (channels, countyIds);
    }

    /// <summary>
    /// Adds <paramref name="count"/> articles, published over the <paramref name="span"/> before <paramref name="newestUtc"/>,
    /// in batches of <paramref name="batchSize"/> (one SaveChanges each). Calls <paramref name="progress"/> with (done, total).
    /// </summary>
    public async Task GenerateAsync(IServiceScopeFactory scopes, int count, DateTime newestUtc, TimeSpan span,
        int firstNumber = 1_000_000, int batchSize = 500, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        int[] channels, counties;
        await using (var scope = scopes.CreateAsyncScope())
        {
            (channels, counties) = await EnsureChannelsAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), ct);
        }
        var step = span.TotalSeconds / Math.Max(1, count);
        var oldest = newestUtc - span;
        for (var done = 0; done < count;)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var n = Math.Min(batchSize, count - done);
            for (var i = 0; i < n; i++)
            {
                var index = done + i;
                var published = oldest.AddSeconds(index * step + _random.NextDouble() * step);
                int? county = _random.Next(3) == 0 ? counties[_random.Next(counties.Length)] : null;
                db.Articles.Add(NextArticle(firstNumber + index, channels[_random.Next(channels.Length)], county, published));
            }
            await db.SaveChangesAsync(ct);
            done += n;
            progress?.Invoke(done, count);
        }
    }

    /// <summary>Query words of exactly <paramref name="length"/> characters, cut from the vocabulary.</summary>
    public IReadOnlyList<string> Queries(int length, int count)
    {
        var pool = Words.Where(w => w.Length >= length && w.All(c => c > 0x2E80))
            .SelectMany(w => Enumerable.Range(0, w.Length - length + 1).Select(i => w.Substring(i, length)))
            .Distinct().ToArray();
        return Enumerable.Range(0, count).Select(_ => pool[_random.Next(pool.Length)]).ToList();
    }
}
