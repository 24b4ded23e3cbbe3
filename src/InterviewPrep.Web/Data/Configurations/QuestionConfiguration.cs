using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasIndex(q => q.Slug).IsUnique();
        // The list page and previous/next filter on these and order by difficulty then title. Partial
        // indexes on live questions: EF writes the filter as NOT "IsRetired", which these match, and
        // the wide rows (each section's markdown and HTML) are never read to find it.
        builder.HasIndex(q => new { q.CategoryId, q.Difficulty, q.Title }, "IX_Questions_Live_Category").HasFilter("NOT \"IsRetired\"");
        builder.HasIndex(q => new { q.Difficulty, q.Title }, "IX_Questions_Live_Difficulty").HasFilter("NOT \"IsRetired\"");
        builder.Property(q => q.Slug).HasMaxLength(120);
        builder.Property(q => q.Title).HasMaxLength(300);
        builder.Property(q => q.ContentHash).HasMaxLength(64);
        builder.Property(q => q.SourcePath).HasMaxLength(500);
        builder.Property(q => q.SourceStamp).HasMaxLength(64);
        builder.HasOne(q => q.Category).WithMany(c => c.Questions).HasForeignKey(q => q.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Tags).WithMany(t => t.Questions).UsingEntity("QuestionTags");
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(60);
    }
}
