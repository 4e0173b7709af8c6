using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Channels;

public sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> channel)
    {
        channel.HasIndex(c => c.Slug).IsUnique();
        channel.Property(c => c.Slug).HasMaxLength(Channel.SlugMaxLength).IsRequired();
        channel.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength).IsRequired();
        channel.Property(c => c.Description).HasMaxLength(200);
        channel.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
