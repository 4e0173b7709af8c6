using Suzhou.News.Articles;
namespace Suzhou.News.Channels;

/// <summary>A free keyword on articles; <c>/tag/{name}</c> lists them.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Article> Articles { get; set; } = [];

    public const int NameMaxLength = 32;
}
