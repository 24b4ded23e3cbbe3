using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Tests.Data;

/// <summary>Migrations that move data, run over a database of the version before them.</summary>
[Trait("Provider", "Sqlite")]
public sealed class UpgradingTheDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"interviewprep-upgrade-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task ReviewsLoggedBeforeTheStateColumnGetTheStateOutOfTheirSnapshot()
    {
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(SqliteServices.ConnectionString(_path)).Options);
        await db.GetService<IMigrator>().MigrateAsync("20261125072313_ReviewLogsByUserAndId");
        // Rows as the version before wrote them (no user or card rows: foreign keys off for this connection only; braces doubled
        // because the raw SQL is a format string).
        await db.Database.ExecuteSqlRawAsync("""
            PRAGMA foreign_keys = OFF;
            INSERT INTO ReviewLogs (UserId, FlashcardId, Kind, Grade, ReviewedAtUtc, DurationMs, CardVersion, Deck, BeforeJson, AfterJson) VALUES
              ('u', 1, 'Review', 3, '2026-11-25 08:00:00', 900, 0, 'all', '{{"state":0,"reps":0}}', '{{"state":1,"reps":1}}'),
              ('u', 1, 'Review', 3, '2026-11-25 08:05:00', 900, 1, 'all', '{{"state":1,"reps":1}}', '{{"state":2,"reps":2}}'),
              ('u', 2, 'Review', 1, '2026-11-25 08:06:00', 900, 0, 'all', '{{"state":2,"reps":5}}', '{{"state":3,"reps":6}}');
            """);

        await db.Database.MigrateAsync();

        var states = await db.ReviewLogs.OrderBy(l => l.Id).Select(l => l.StateBefore).ToListAsync();
        Assert.Equal([CardState.New, CardState.Learning, CardState.Review], states);
    }

    [Fact]
    public async Task TheSearchTextMovesFromTheFullTextTableIntoItsQuestion()
    {
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(SqliteServices.ConnectionString(_path)).Options);
        await db.GetService<IMigrator>().MigrateAsync("20261207161001_MockRecordings");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Categories (Id, Slug, Title, "Order", Summary, BodyMarkdown, BodyHtml, ContentHash, SourcePath, IsRetired)
              VALUES (1, 'theory', 'Theory', 1, '', '', '', '', 'categories/theory.md', 0);
            INSERT INTO Questions (Id, Slug, Title, CategoryId, Difficulty, RelatedSlugs, AnswerMarkdown, AnswerHtml, HowToAnswerMarkdown,
              HowToAnswerHtml, ExampleAnswerMarkdown, ExampleAnswerHtml, FollowUpsMarkdown, FollowUpsHtml, ContentHash, SourcePath, IsRetired,
              CreatedAtUtc, UpdatedAtUtc)
              VALUES (7, 'bias-variance', 'Bias and variance', 1, 1, '[]', '', '', '', '', '', '', '', '', '', 'questions/theory/bias-variance.md', 0,
              '2026-11-25 08:00:00', '2026-11-25 08:00:00'),
                     (8, 'retired-one', 'Retired', 1, 1, '[]', '', '', '', '', '', '', '', '', '', 'questions/theory/retired-one.md', 1,
              '2026-11-25 08:00:00', '2026-11-25 08:00:00');
            INSERT INTO QuestionSearch (rowid, title, tags, body) VALUES (7, 'Bias and variance', 'theory', 'The error of a model splits in three.');
            """);

        await db.Database.MigrateAsync();

        var texts = await db.Questions.OrderBy(q => q.Id).Select(q => q.SearchText).ToListAsync();
        Assert.Equal(["The error of a model splits in three.", ""], texts);
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE name LIKE 'QuestionSearch%'").ToListAsync();
        Assert.Empty(tables);
    }
}
