using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Channels;

public sealed class ArticleTopicConfiguration : IEntityTypeConfiguration<ArticleTopic>
{
    public void Configure(EntityTypeBuilder<ArticleTopic> link)
    {
        link.HasKey(l => new { l.TopicId, l.ArticleId });
        link.HasIndex(l => l.ArticleId);
        link.HasOne(l => l.Article).WithMany(a => a.Topics).HasForeignKey(l => l.ArticleId);
        link.HasOne(l => l.Topic).WithMany(t => t.Articles).HasForeignKey(l => l.TopicId);
    }
}
