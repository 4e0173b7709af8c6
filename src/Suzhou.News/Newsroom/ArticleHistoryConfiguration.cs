using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.Articles;

namespace Suzhou.News.Newsroom;

public sealed class ArticleEventConfiguration : IEntityTypeConfiguration<ArticleEvent>
{
    public void Configure(EntityTypeBuilder<ArticleEvent> e)
    {
        e.HasIndex(x => new { x.ArticleId, x.At });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        e.Property(x => x.Note).HasMaxLength(ArticleEvent.NoteMaxLength);
        e.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> r)
    {
        r.HasIndex(x => new { x.ArticleId, x.Sequence }).IsUnique();
        r.Property(x => x.UserId).HasMaxLength(450);
        r.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        r.Property(x => x.Reason).HasMaxLength(100).IsRequired();
        r.Property(x => x.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        r.Property(x => x.Snapshot).IsRequired();
        r.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
