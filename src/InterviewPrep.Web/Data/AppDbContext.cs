using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Categories;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Guides;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Mock;
using InterviewPrep.Web.Features.Practice;
using InterviewPrep.Web.Features.Questions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Data;

/// <summary>
/// The one database of the app: content and, per user, their tracking and review history. The model is the same on every
/// provider; each provider has a context of its own (<see cref="Sqlite.SqliteDbContext"/>, <see cref="Postgres.PostgresDbContext"/>)
/// only so that each has its own set of migrations (decision 0015). Code asks for this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Guide> Guides => Set<Guide>();
    public DbSet<Interview> Interviews => Set<Interview>();
    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();
    public DbSet<Flashcard> Flashcards => Set<Flashcard>();
    public DbSet<ReviewLog> ReviewLogs => Set<ReviewLog>();
    public DbSet<FlashcardSettings> FlashcardSettings => Set<FlashcardSettings>();
    public DbSet<MockRound> MockRounds => Set<MockRound>();
    public DbSet<MockRecording> MockRecordings => Set<MockRecording>();
    public DbSet<SignInAttemptCount> SignInAttemptCounts => Set<SignInAttemptCount>();
    public DbSet<QuestionNote> QuestionNotes => Set<QuestionNote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
