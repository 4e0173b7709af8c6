using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Accounts;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Action, e.At });
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.Target).HasMaxLength(200);
        entry.Property(e => e.Detail).HasMaxLength(2000);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
    }
}
