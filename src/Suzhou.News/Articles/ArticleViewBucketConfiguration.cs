using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Articles;

public sealed class ArticleViewBucketConfiguration : IEntityTypeConfiguration<ArticleViewBucket>
{
    public void Configure(EntityTypeBuilder<ArticleViewBucket> bucket)
    {
        bucket.HasKey(b => new { b.ArticleId, b.Hour });
        // 排行 sums the recent hours; pruning drops the old ones.
        bucket.HasIndex(b => b.Hour);
        bucket.HasOne<Article>().WithMany().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
