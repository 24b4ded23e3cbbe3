using InterviewPrep.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>A user's private note on a question of the bank: markdown, rendered as the other notes are.</summary>
public sealed class QuestionNote : IUserOwned
{
    public const int MaxLength = 10_000;

    public int Id { get; set; }
    public required string UserId { get; set; }
    public int QuestionId { get; set; }
    public string Markdown { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class QuestionNoteConfiguration : IEntityTypeConfiguration<QuestionNote>
{
    public void Configure(EntityTypeBuilder<QuestionNote> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Question>().WithMany().HasForeignKey(n => n.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.QuestionId }).IsUnique();
        builder.Property(n => n.Markdown).HasMaxLength(QuestionNote.MaxLength);
    }
}
