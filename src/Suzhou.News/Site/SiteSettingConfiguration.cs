using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Site;

public sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> setting)
    {
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(60);
        setting.Property(s => s.Value).HasMaxLength(SiteSetting.ValueMaxLength).IsRequired();
        setting.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
