using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.Accounts;

namespace Suzhou.News.Data.Configurations;

public sealed class NewsUserConfiguration : IEntityTypeConfiguration<NewsUser>
{
    public void Configure(EntityTypeBuilder<NewsUser> user) =>
        user.Property(u => u.DisplayName).HasMaxLength(40).IsRequired();
}
