using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Channels;

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.HasIndex(t => t.Name).IsUnique();
        tag.Property(t => t.Name).HasMaxLength(Tag.NameMaxLength).IsRequired();
    }
}
