using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suzhou.News.Articles;

/// <summary>A cover is stored as Cover* columns on its owner's table.</summary>
static class CoverImageMapping
{
    public static void MapCover<TOwner>(this OwnedNavigationBuilder<TOwner, CoverImage> cover) where TOwner : class
    {
        cover.Property(c => c.Src).HasMaxLength(300).HasColumnName("CoverSrc");
        cover.Property(c => c.Alt).HasMaxLength(200).HasColumnName("CoverAlt");
        cover.Property(c => c.Caption).HasMaxLength(300).HasColumnName("CoverCaption");
        cover.Property(c => c.Credit).HasMaxLength(50).HasColumnName("CoverCredit");
        cover.Property(c => c.Width).HasColumnName("CoverWidth");
        cover.Property(c => c.Height).HasColumnName("CoverHeight");
    }
}
