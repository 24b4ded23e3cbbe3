using InterviewPrep.Web.Features.Guides;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Data.Configurations;

internal sealed class GuideConfiguration : IEntityTypeConfiguration<Guide>
{
    public void Configure(EntityTypeBuilder<Guide> builder)
    {
        builder.HasIndex(g => g.Slug).IsUnique();
        builder.Property(g => g.Slug).HasMaxLength(120);
        builder.Property(g => g.Title).HasMaxLength(300);
        builder.Property(g => g.ContentHash).HasMaxLength(64);
        builder.Property(g => g.SourcePath).HasMaxLength(500);
    }
}
