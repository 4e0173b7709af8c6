using Suzhou.News.Articles;
namespace Suzhou.News.Channels;

/// <summary>A channel (栏目) in the navigation tree. Counties are sub-channels of 县区.</summary>
public sealed class Channel
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ChannelKind Kind { get; set; }
    public int Position { get; set; }

    /// <summary>Left out of the navigation, the county bar, the home page and the channel tabs; its page still answers.</summary>
    public bool Hidden { get; set; }

    public int? ParentId { get; set; }
    public Channel? Parent { get; set; }
    public List<Channel> Children { get; set; } = [];

    public const int SlugMaxLength = 40;
    public const int NameMaxLength = 20;
}

public enum ChannelKind
{
    News = 0,
    /// <summary>A county under 县区; articles point to it through <see cref="Article.CountyId"/> too.</summary>
    County = 1,
    /// <summary>Links to the 专题 index rather than listing articles.</summary>
    Topics = 2,
}
