using Suzhou.News.Articles;
using Suzhou.News.Channels;
using YamlDotNet.RepresentationModel;

namespace Suzhou.News.Import;

/// <summary>What reading an article needs to know: channels, topics, and how to resolve a cover.</summary>
sealed record ArticleReadContext(ChannelCatalog.Snapshot Channels, IReadOnlyDictionary<string, int> Topics, Func<YamlFields, CoverImage?> ReadCover);

/// <summary>An article's front matter, checked field by field; null when any field is wrong.</summary>
sealed record ArticleFrontMatter(
    int Number, string Title, string? Kicker, string? Subtitle, string? Summary,
    int ChannelId, int? CountyId, List<int> TopicIds, List<string> Tags, List<Credit> Credits,
    string? Editor, string Source, CoverImage? Cover,
    bool Headline, bool Featured, bool Slideshow, bool Pinned,
    ArticleStatus Status, DateTime? Published, DateTime? Updated, List<Correction> Corrections, string Body)
{
    public static ArticleFrontMatter? Read(FrontMatterFile file, YamlFields f, ArticleReadContext context, DateTime now)
    {
        var number = f.PositiveInt("number", required: true, "文章编号 number ");
        var title = f.Text("title", Article.TitleMaxLength, required: true, label: "标题");
        var kicker = f.Text("kicker", Article.LineMaxLength, label: "引题");
        var subtitle = f.Text("subtitle", Article.LineMaxLength, label: "副题");
        var summary = f.Text("summary", Article.SummaryMaxLength, label: "导语");
        var editor = f.Text("editor", 50, label: "责任编辑");
        var source = f.Text("source", 50, label: "来源") ?? Article.DefaultSource;

        int? channelId = null;
        var channelSlug = f.Text("channel", Channel.SlugMaxLength, required: true, label: "栏目");
        if (channelSlug is not null)
        {
            var channel = context.Channels.BySlug(channelSlug);
            if (channel is null || channel.Kind == ChannelKind.Topics)
            {
                f.Error(f.Node("channel"), $"未知栏目“{channelSlug}”，可用的栏目见 channels.yml");
            }
            else
            {
                channelId = channel.Id;
            }
        }

        int? countyId = null;
        var countySlug = f.Text("county", Channel.SlugMaxLength, label: "县区");
        if (countySlug is not null)
        {
            var county = context.Channels.BySlug(countySlug);
            if (county is not { Kind: ChannelKind.County })
            {
                f.Error(f.Node("county"), $"未知县区“{countySlug}”，可用：{string.Join("、", context.Channels.Counties.Select(c => c.Slug))}");
            }
            else
            {
                countyId = county.Id;
            }
        }
        else if (context.Channels.ById(channelId) is { Kind: ChannelKind.County } countyChannel)
        {
            countyId = countyChannel.Id;
        }

        var topicIds = new List<int>();
        foreach (var (slug, node) in f.List("topics"))
        {
            if (context.Topics.TryGetValue(slug, out var id))
            {
                topicIds.Add(id);
            }
            else
            {
                f.Error(node, $"未知专题“{slug}”，请先在 topics/ 中建立");
            }
        }

        var tagNames = new List<string>();
        foreach (var (name, node) in f.List("tags"))
        {
            if (name.Length > Tag.NameMaxLength)
            {
                f.Error(node, $"标签“{name}”超过 {Tag.NameMaxLength} 个字");
            }
            else if (!tagNames.Contains(name))
            {
                tagNames.Add(name);
            }
        }

        var credits = new List<Credit>();
        if (f.Map("credits") is { } creditMap)
        {
            foreach (var (role, keyNode, value) in creditMap.Entries())
            {
                if (!CreditRoles.TryParse(role, out var creditRole))
                {
                    f.Error(keyNode, $"未知署名角色“{role}”，可用：记者、通讯员、摄影、实习生");
                    continue;
                }
                var position = 0;
                foreach (var (name, node) in creditMap.List(value, role))
                {
                    if (name.Length > 50)
                    {
                        f.Error(node, $"署名“{name}”过长");
                        continue;
                    }
                    credits.Add(new Credit { Role = creditRole, Name = name, Position = position++ });
                }
            }
        }

        var cover = context.ReadCover(f);

        bool headline = false, featured = false, slideshow = false, pinned = false;
        foreach (var (flag, node) in f.List("flags"))
        {
            switch (flag)
            {
                case "头条" or "headline": headline = true; break;
                case "推荐" or "featured": featured = true; break;
                case "幻灯" or "slideshow": slideshow = true; break;
                case "置顶" or "pinned": pinned = true; break;
                default: f.Error(node, $"未知标记“{flag}”，可用：头条、推荐、幻灯、置顶"); break;
            }
        }
        if (slideshow && cover is null && f.Node("cover") is null)
        {
            f.Error(f.Node("flags"), "标记为“幻灯”的文章需要封面图片 cover");
        }

        var statusText = f.Text("status", 20, label: "状态");
        ArticleStatus? status = statusText switch
        {
            null or "published" or "已发布" => ArticleStatus.Published,
            "draft" or "草稿" => ArticleStatus.Draft,
            "review" or "待审" => ArticleStatus.InReview,
            _ => null,
        };
        if (status is null)
        {
            f.Error(f.Node("status"), $"未知状态“{statusText}”，可用：已发布、草稿、待审");
        }
        var published = f.Time("published", required: status == ArticleStatus.Published, "发布时间 published");
        var updated = f.Time("updated", required: false, "更新时间 updated");
        if (published is not null && updated is not null && updated < published)
        {
            f.Error(f.Node("updated"), "更新时间不能早于发布时间");
        }
        if (status == ArticleStatus.Published && published > now)
        {
            status = ArticleStatus.Scheduled;
        }

        var corrections = new List<Correction>();
        switch (f.Node("corrections"))
        {
            case null:
                break;
            case YamlSequenceNode list:
                foreach (var item in list)
                {
                    if (item is not YamlMappingNode)
                    {
                        f.Error(item, "每条更正应包含 time（时间）和 reason（更正内容）");
                        continue;
                    }
                    var entry = new YamlFields(file, (YamlMappingNode)item, []);
                    var time = f.Time(entry.Node("time"), "time", required: true, "更正时间");
                    var reason = entry.Node("reason") is YamlScalarNode { Value: { Length: > 0 } r } ? r.Trim() : null;
                    if (reason is null)
                    {
                        f.Error(item, "更正缺少 reason（更正内容）");
                    }
                    else if (time is not null)
                    {
                        corrections.Add(new Correction { At = time.Value, Reason = reason });
                    }
                }
                break;
            default:
                f.Error(f.Node("corrections"), "corrections 应为列表，每项包含 time 和 reason");
                break;
        }

        if (string.IsNullOrWhiteSpace(file.Body))
        {
            f.Error("正文为空：YAML 头信息之后应有正文");
        }
        f.WarnUnknownKeys();

        if (f.HasErrors || number is null || title is null || channelId is null || status is null)
        {
            return null;
        }
        return new ArticleFrontMatter(number.Value, title, kicker, subtitle, summary, channelId.Value, countyId, topicIds, tagNames,
            credits, editor, source, cover, headline, featured, slideshow, pinned, status.Value, published, updated, corrections, file.Body);
    }
}
