using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Mock;
using InterviewPrep.Web.Features.Practice;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Data.Configurations;

internal sealed class MockRoundConfiguration : IEntityTypeConfiguration<MockRound>
{
    public void Configure(EntityTypeBuilder<MockRound> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Interview>().WithMany().HasForeignKey(r => r.InterviewId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PracticeSession>().WithMany().HasForeignKey(r => r.PracticeSessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.UserId, r.StartedAtUtc });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MockAnswerConfiguration : IEntityTypeConfiguration<MockAnswer>
{
    public void Configure(EntityTypeBuilder<MockAnswer> builder)
    {
        builder.ToTable("MockAnswers");
        builder.HasIndex(a => new { a.RoundId, a.Position }).IsUnique();
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Text).HasMaxLength(MockRounds.MaxAnswerLength);
        builder.Property(a => a.KeyPointsHit).HasMaxLength(100);
        builder.Ignore(a => a.IsSkipped);
        builder.Ignore(a => a.Took);
    }
}

internal sealed class MockRecordingConfiguration : IEntityTypeConfiguration<MockRecording>
{
    public void Configure(EntityTypeBuilder<MockRecording> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MockAnswer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.AnswerId).IsUnique();
        builder.Property(r => r.ContentType).HasMaxLength(100);
    }
}
