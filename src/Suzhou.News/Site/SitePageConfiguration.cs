using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.Articles;
using Suzhou.News.Channels;

namespace Suzhou.News.Site;

public sealed class SitePageConfiguration : IEntityTypeConfiguration<SitePage>
{
    public void Configure(EntityTypeBuilder<SitePage> page)
    {
        page.HasIndex(p => p.Slug).IsUnique();
        page.Property(p => p.Slug).HasMaxLength(Channel.SlugMaxLength).IsRequired();
        page.Property(p => p.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
    }
}
