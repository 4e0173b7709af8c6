using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.Articles;

namespace Suzhou.News.Channels;

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> topic)
    {
        topic.HasIndex(t => t.Slug).IsUnique();
        topic.Property(t => t.Slug).HasMaxLength(Channel.SlugMaxLength).IsRequired();
        topic.Property(t => t.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        topic.Property(t => t.Summary).HasMaxLength(Article.SummaryMaxLength);
        topic.OwnsOne(t => t.Cover, cover => cover.MapCover());
    }
}
