using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Categories;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Practice;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Data.Configurations;

internal sealed class InterviewConfiguration : IEntityTypeConfiguration<Interview>
{
    public void Configure(EntityTypeBuilder<Interview> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.UserId, i.ScheduledAtUtc });
        builder.HasIndex(i => i.CalendarUid).IsUnique();
        builder.Property(i => i.Company).HasMaxLength(200);
        builder.Property(i => i.Role).HasMaxLength(200);
        builder.Property(i => i.RoundName).HasMaxLength(200);
        builder.Property(i => i.TimeZoneId).HasMaxLength(64);
        builder.Property(i => i.Location).HasMaxLength(1000);
        builder.Property(i => i.Outcome).HasMaxLength(500);
        builder.Property(i => i.Stage).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.EndsAtUtc);
        builder.HasMany(i => i.Contacts).WithOne().HasForeignKey(c => c.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.StageHistory).WithOne().HasForeignKey(s => s.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Checklist).WithOne().HasForeignKey(p => p.InterviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.AskedQuestions).WithOne().HasForeignKey(a => a.InterviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterviewContactConfiguration : IEntityTypeConfiguration<InterviewContact>
{
    public void Configure(EntityTypeBuilder<InterviewContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Role).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Notes).HasMaxLength(2000);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder) =>
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(32);
}

internal sealed class PrepItemConfiguration : IEntityTypeConfiguration<PrepItem>
{
    public void Configure(EntityTypeBuilder<PrepItem> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Text).HasMaxLength(500);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Question>().WithMany().HasForeignKey(p => p.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AskedQuestionConfiguration : IEntityTypeConfiguration<AskedQuestion>
{
    public void Configure(EntityTypeBuilder<AskedQuestion> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(1000);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeSessionConfiguration : IEntityTypeConfiguration<PracticeSession>
{
    public void Configure(EntityTypeBuilder<PracticeSession> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Interview>().WithMany().HasForeignKey(p => p.InterviewId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.UserId, p.Date });
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasMany(p => p.Categories).WithMany().UsingEntity("PracticeSessionCategories");
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.CalendarToken).HasMaxLength(64);
        builder.HasIndex(u => u.CalendarToken).IsUnique();
    }
}
