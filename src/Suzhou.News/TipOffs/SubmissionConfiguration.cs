using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suzhou.News.Accounts;
using Suzhou.News.Channels;

namespace Suzhou.News.TipOffs;

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.HasIndex(s => s.ReceiptNumber).IsUnique();
        submission.Property(s => s.ReceiptNumber).HasMaxLength(Submission.ReceiptMaxLength).IsRequired();
        submission.Property(s => s.LookupCodeHash).HasMaxLength(64).IsRequired();
        submission.Property(s => s.Title).HasMaxLength(Submission.TitleMaxLength);
        submission.Property(s => s.Body).HasMaxLength(Submission.BodyMaxLength).IsRequired();
        submission.Property(s => s.ReportedUrl).HasMaxLength(Submission.UrlMaxLength);
        submission.Property(s => s.Place).HasMaxLength(Submission.PlaceMaxLength);
        submission.Property(s => s.ContactName).HasMaxLength(Submission.NameMaxLength);
        submission.Property(s => s.ContactPhone).HasMaxLength(Submission.PhoneMaxLength);
        submission.Property(s => s.ContactEmail).HasMaxLength(Submission.EmailMaxLength);
        submission.Property(s => s.AssignedToId).HasMaxLength(450);
        submission.Property(s => s.PublicReply).HasMaxLength(Submission.ReplyMaxLength);

        submission.HasOne<Channel>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.SetNull);
        submission.HasOne<NewsUser>().WithMany().HasForeignKey(s => s.AssignedToId).OnDelete(DeleteBehavior.SetNull);

        // The inbox: by kind and status, overdue reports first; the contact page's monthly counts.
        submission.HasIndex(s => new { s.Kind, s.Status, s.DueAt });
        submission.HasIndex(s => new { s.Kind, s.ReceivedAt });
        submission.HasIndex(s => new { s.Kind, s.HandledAt });
        submission.HasIndex(s => s.AssignedToId);

        submission.HasMany(s => s.Attachments).WithOne().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        submission.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SubmissionAttachmentConfiguration : IEntityTypeConfiguration<SubmissionAttachment>
{
    public void Configure(EntityTypeBuilder<SubmissionAttachment> attachment)
    {
        attachment.ToTable("SubmissionAttachments");
        attachment.Property(a => a.StoredName).HasMaxLength(32).IsRequired();
        attachment.HasIndex(a => a.StoredName).IsUnique();
        attachment.Property(a => a.OriginalName).HasMaxLength(SubmissionAttachment.OriginalNameMaxLength).IsRequired();
        attachment.Property(a => a.ContentType).HasMaxLength(50).IsRequired();
    }
}

public sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> submissionEvent)
    {
        submissionEvent.ToTable("SubmissionEvents");
        submissionEvent.Property(e => e.Note).HasMaxLength(SubmissionEvent.NoteMaxLength);
        submissionEvent.Property(e => e.Actor).HasMaxLength(100);
    }
}
