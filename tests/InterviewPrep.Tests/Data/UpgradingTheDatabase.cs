using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Tests.Data;

/// <summary>Migrations that move data, run over a database of the version before them.</summary>
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
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(DataServices.ConnectionString(_path)).Options);
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
}
