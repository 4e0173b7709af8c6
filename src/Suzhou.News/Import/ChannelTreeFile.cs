using Microsoft.EntityFrameworkCore;
using Suzhou.News.Channels;
using Suzhou.News.Data;
using YamlDotNet.RepresentationModel;

namespace Suzhou.News.Import;

/// <summary>
/// <c>channels.yml</c>: the channel tree, upserted by slug in file order. Channels missing from the file are
/// left alone (an admin may have added them); a broken file changes nothing.
/// </summary>
static class ChannelTreeFile
{
    public static async Task ImportAsync(NewsDbContext db, string path, string display, Action<ImportProblem> problem, CancellationToken ct)
    {
        var stream = FrontMatterFile.LoadYaml(await File.ReadAllTextAsync(path, ct),
            (line, message) => problem(new(display, line, message + "（栏目未更新）")));
        if (stream is null)
        {
            return;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            problem(new(display, 1, "channels.yml 应为栏目列表"));
            return;
        }

        var existing = await db.Channels.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var position = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Upsert(YamlSequenceNode items, Channel? parent)
        {
            foreach (var item in items)
            {
                var line = (int)item.Start.Line;
                if (item is not YamlMappingNode map)
                {
                    problem(new(display, line, "每个栏目应包含 slug 和 name"));
                    continue;
                }
                string? Get(string key) =>
                    map.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim() : null;

                var slug = Get("slug");
                var name = Get("name");
                if (slug is null || !Slugs.IsValid(slug))
                {
                    problem(new(display, line, $"栏目 slug“{slug}”无效：只能用小写字母、数字和连字符，最长 {Channel.SlugMaxLength} 个字符"));
                    continue;
                }
                if (name is null || name.Length > Channel.NameMaxLength)
                {
                    problem(new(display, line, $"栏目 {slug} 缺少名称 name，或名称超过 {Channel.NameMaxLength} 个字"));
                    continue;
                }
                if (!seen.Add(slug))
                {
                    problem(new(display, line, $"栏目 slug {slug} 重复"));
                    continue;
                }
                var kind = Get("kind") switch
                {
                    null or "news" => ChannelKind.News,
                    "county" => ChannelKind.County,
                    "topics" => ChannelKind.Topics,
                    _ => (ChannelKind?)null,
                };
                if (kind is null)
                {
                    problem(new(display, line, $"栏目 {slug} 的 kind 只能是 news、county 或 topics"));
                    continue;
                }
                if (!existing.TryGetValue(slug, out var channel))
                {
                    channel = new Channel { Slug = slug };
                    db.Channels.Add(channel);
                    existing[slug] = channel;
                }
                channel.Name = name;
                channel.Description = Get("description");
                channel.Kind = kind.Value;
                channel.Position = position++;
                channel.Parent = parent;
                if (map.Children.TryGetValue(new YamlScalarNode("children"), out var children) && children is YamlSequenceNode childList)
                {
                    Upsert(childList, channel);
                }
            }
        }

        Upsert(list, null);
        await db.SaveChangesAsync(ct);
    }
}
