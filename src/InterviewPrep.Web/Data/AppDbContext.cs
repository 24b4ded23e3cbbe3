using InterviewPrep.Web.Features.Categories;
using InterviewPrep.Web.Features.Guides;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Data;

/// <summary>The one database of the app: content and, per user, their tracking and review history.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Guide> Guides => Set<Guide>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
