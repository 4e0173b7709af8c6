using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.Domain;

namespace Suzhou.News.Data.Configurations;

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.HasIndex(t => t.Name).IsUnique();
        tag.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength).IsRequired();
    }
}
