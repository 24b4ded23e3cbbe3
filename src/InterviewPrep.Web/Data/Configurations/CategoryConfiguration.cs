using InterviewPrep.Web.Features.Categories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(120);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.SourcePath).HasMaxLength(500);
    }
}
