using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Articles;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.HasIndex(a => a.Number).IsUnique();
        article.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        article.Property(a => a.Kicker).HasMaxLength(Article.LineMaxLength);
        article.Property(a => a.Subtitle).HasMaxLength(Article.LineMaxLength);
        article.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
        article.Property(a => a.Editor).HasMaxLength(50);
        article.Property(a => a.Source).HasMaxLength(50).IsRequired();
        article.Property(a => a.ImportHash).HasMaxLength(Article.ImportHashMaxLength);
        article.Property(a => a.Version).IsConcurrencyToken();
        article.Property(a => a.AuthorId).HasMaxLength(450);
        article.HasIndex(a => new { a.AuthorId, a.Status });
        // The scheduler's query: scheduled articles that are due.
        article.HasIndex(a => new { a.Status, a.PublishAt });

        article.HasOne(a => a.Channel).WithMany().HasForeignKey(a => a.ChannelId).OnDelete(DeleteBehavior.Restrict);
        article.HasOne(a => a.County).WithMany().HasForeignKey(a => a.CountyId).OnDelete(DeleteBehavior.Restrict);
        article.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags");

        // The listings: newest public articles overall, per channel and per county.
        article.HasIndex(a => new { a.Status, a.FirstPublishedAt });
        // With Number it covers a channel page's paging: page 50 reads its 1,000 entries and then 20 rows.
        article.HasIndex(a => new { a.ChannelId, a.Status, a.FirstPublishedAt, a.Number });
        article.HasIndex(a => new { a.CountyId, a.Status, a.FirstPublishedAt });
        // 头条, 幻灯 and 推荐 on the home page and sidebars: the newest flagged story is one index seek, even when
        // none has been flagged for a long time (without them each read scanned the archive: 150 ms at 100k).
        // Partial indexes: EF writes a flag test as the bare column ("IsHeadline"), which only an index with that
        // same filter can serve; the filter is valid SQL on SQLite and PostgreSQL alike.
        article.HasIndex(a => new { a.Status, a.FirstPublishedAt, a.Number }, "IX_Articles_Headlines").HasFilter("\"IsHeadline\"");
        article.HasIndex(a => new { a.Status, a.FirstPublishedAt, a.Number }, "IX_Articles_Slideshow").HasFilter("\"IsSlideshow\"");
        article.HasIndex(a => new { a.Status, a.FirstPublishedAt, a.Number }, "IX_Articles_Featured").HasFilter("\"IsFeatured\"");
        // Covers every column a list filters and sorts on. SQLite keeps them after the long body columns, so
        // without it each candidate row is read through its body's overflow pages (~100 ms a channel page at 10k).
        article.HasIndex(a => new { a.Status, a.FirstPublishedAt, a.Number, a.ChannelId, a.CountyId, a.IsPinned }, "IX_Articles_List");

        article.OwnsOne(a => a.Cover, cover => cover.MapCover());

        article.OwnsMany(a => a.Credits, credit =>
        {
            credit.ToTable("ArticleCredits");
            credit.WithOwner().HasForeignKey("ArticleId");
            credit.Property<int>("Id");
            credit.HasKey("Id");
            credit.Property(c => c.Name).HasMaxLength(50).IsRequired();
        });

        article.OwnsMany(a => a.Corrections, correction =>
        {
            correction.ToTable("ArticleCorrections");
            correction.WithOwner().HasForeignKey("ArticleId");
            correction.Property<int>("Id");
            correction.HasKey("Id");
            correction.Property(c => c.Reason).HasMaxLength(1000).IsRequired();
        });
    }
}
