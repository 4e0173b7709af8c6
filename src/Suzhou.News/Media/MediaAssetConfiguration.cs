using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Media;

public sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> media)
    {
        media.HasIndex(m => m.StoredName).IsUnique();
        media.HasIndex(m => new { m.DeletedAt, m.CreatedAt });
        media.Property(m => m.StoredName).HasMaxLength(40).IsRequired();
        media.Property(m => m.Extension).HasMaxLength(8).IsRequired();
        media.Property(m => m.ContentType).HasMaxLength(40).IsRequired();
        media.Property(m => m.OriginalFileName).HasMaxLength(255);
        media.Property(m => m.Alt).HasMaxLength(MediaAsset.AltMaxLength).IsRequired();
        media.Property(m => m.Caption).HasMaxLength(MediaAsset.CaptionMaxLength);
        media.Property(m => m.Credit).HasMaxLength(MediaAsset.CreditMaxLength);
        media.Property(m => m.UploadedById).HasMaxLength(450);
        media.Property(m => m.UploadedByName).HasMaxLength(256);
        // A short list of widths as "320,640,1280".
        media.Property(m => m.VariantWidths)
            .HasConversion(
                v => string.Join(',', v),
                s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(),
                new ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, w) => HashCode.Combine(h, w)), v => v.ToList()))
            .HasMaxLength(100);
        media.Ignore(m => m.FileName);
        media.Ignore(m => m.Url);
    }
}
