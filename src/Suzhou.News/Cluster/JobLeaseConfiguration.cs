using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Cluster;

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
        builder.Property(l => l.Holder).HasMaxLength(NodeIdentity.IdMaxLength).IsRequired();
        // The rows exist from the start, so taking a lease is always an UPDATE, never a racing INSERT.
        builder.HasData(
            new JobLease { Name = JobLease.ScheduledPublishing, Holder = "", ExpiresAt = JobLease.Free },
            new JobLease { Name = JobLease.ViewCountPruning, Holder = "", ExpiresAt = JobLease.Free });
    }
}
