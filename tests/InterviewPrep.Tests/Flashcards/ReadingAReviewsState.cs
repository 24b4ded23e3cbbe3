using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Flashcards;

/// <summary>
/// A review's reads (<see cref="IStudyReads"/>) and a grade's write (<see cref="IGradeWrites"/>) are SQL of their own,
/// beside the EF Core model of the same rows: each must read what EF Core wrote and write what it reads, and count
/// reviews by the same rule as <see cref="FlashcardLibrary.CountedLogs"/>.
/// </summary>
public sealed class ReadingAReviewsState(FlashcardFixture fixture) : IClassFixture<FlashcardFixture>
{
    private readonly AppFactory _app = fixture.App;

    [Fact]
    public async Task TodaysCountsLeaveOutUndoneGradesAndEarlierDaysAsTheStatsDo()
    {
        var (_, userId) = await _app.UserAsync();
        var questions = await _app.QueryAsync(db => db.Questions.Where(q => !q.IsRetired).OrderBy(q => q.Id).Select(q => q.Id).Take(3).ToListAsync());
        using var scope = _app.Services.CreateScope();
        var library = scope.ServiceProvider.GetRequiredService<FlashcardLibrary>();
        var reads = scope.ServiceProvider.GetRequiredService<IStudyReads>();
        Assert.Equal(CardChange.Done, await library.GradeFirstAsync(await library.ContextAsync(userId, default), questions[0], Grade.Easy, 1000, Deck.All, default));
        var firstCard = await _app.QueryAsync(db => db.Flashcards.AsNoTracking().FirstAsync(c => c.UserId == userId && c.QuestionId == questions[0]));

        _app.Clock.Advance(TimeSpan.FromDays(30)); // the first card is due again, on a later day
        var today = await library.ContextAsync(userId, default);
        Assert.Equal(CardChange.Done, await library.GradeFirstAsync(today, questions[1], Grade.Good, 1000, Deck.All, default));
        Assert.Equal(CardChange.Done, await library.GradeFirstAsync(today, questions[2], Grade.Again, 1000, Deck.All, default));
        Assert.Equal(CardChange.Done, await library.GradeAsync(today, firstCard.Id, firstCard.Version, Grade.Good, 1000, Deck.All, default));
        Assert.Equal(new StudiedCounts(2, 3), (await reads.CountedSinceAsync(userId, today.StartOfTodayUtc, default)));
        Assert.Equal(CardChange.Done, (await library.UndoAsync(today, null, default)).Change);

        var counted = (await reads.CountedSinceAsync(userId, today.StartOfTodayUtc, default));
        var byStats = await _app.QueryAsync(async db =>
        {
            var logs = await scope.ServiceProvider.GetRequiredService<FlashcardLibrary>().CountedLogs(userId)
                .Where(l => l.ReviewedAtUtc >= today.StartOfTodayUtc).Select(l => l.StateBefore).ToListAsync();
            return new StudiedCounts(logs.Count(s => s == CardState.New), logs.Count);
        });
        Assert.Equal(new StudiedCounts(2, 2), counted);
        Assert.Equal(byStats, counted);
        Assert.Equal(new StudiedCounts(3, 3), (await reads.CountedSinceAsync(userId, DateTime.MinValue, default)));

        // The last counted review is the one before the undone grade, and it can be undone in turn.
        var last = (await reads.LastCountedAsync(userId, default))!;
        var third = await _app.QueryAsync(db => db.Flashcards.AsNoTracking().FirstAsync(c => c.UserId == userId && c.QuestionId == questions[2]));
        var logged = await _app.QueryAsync(db => db.ReviewLogs.AsNoTracking().FirstAsync(l => l.FlashcardId == third.Id && l.Kind == ReviewKind.Review));
        Assert.Equal((logged.Id, third.Id, third.Version, Grade.Again, logged.Before, logged.After, logged.ReviewedAtUtc, "all"),
            (last.Log.Id, last.Log.FlashcardId, last.CardVersion, last.Log.Grade, last.Log.Before, last.Log.After, last.Log.ReviewedAtUtc, last.Log.Deck));
        Assert.Equal(logged.Id, (await library.UndoableAsync(userId, default))?.Id);
    }

    [Fact]
    public async Task CardsAndHeadsAreTheRowsEfCoreWroteAndOnlyTheUsersOwn()
    {
        var (_, userId) = await _app.UserAsync();
        var (_, strangerId) = await _app.UserAsync();
        var questions = await _app.QueryAsync(db => db.Questions.Where(q => !q.IsRetired).OrderBy(q => q.Id).Select(q => q.Id).Take(3).ToListAsync());
        using var scope = _app.Services.CreateScope();
        var library = scope.ServiceProvider.GetRequiredService<FlashcardLibrary>();
        var reads = scope.ServiceProvider.GetRequiredService<IStudyReads>();
        foreach (var (question, grade) in questions.Zip([Grade.Again, Grade.Good, Grade.Easy]))
        {
            await library.GradeFirstAsync(await library.ContextAsync(userId, default), question, grade, 1000, Deck.All, default);
        }
        var buried = (await _app.QueryAsync(db => db.Flashcards.FirstAsync(c => c.UserId == userId && c.QuestionId == questions[1]))).Id;
        await library.SetFlagsAsync(await library.ContextAsync(userId, default), buried, suspend: true, bury: true, default);
        var deleted = await _app.QueryAsync(async db =>
        {
            var card = await db.Flashcards.FirstAsync(c => c.UserId == userId && c.QuestionId == questions[2]);
            card.IsDeleted = true;
            await db.SaveChangesAsync();
            return card.Id;
        });
        var own = await _app.QueryAsync(async db =>
        {
            var card = new Flashcard { UserId = userId, Front = "What is a leech?", BackMarkdown = "A card forgotten often.", BackHtml = "<p>A card forgotten often.</p>", Tags = "fsrs anki", CreatedAtUtc = _app.Clock.GetUtcNow().UtcDateTime };
            card.Apply(CardMemory.New(_app.Clock.GetUtcNow()));
            db.Flashcards.Add(card);
            await db.SaveChangesAsync();
            return card.Id;
        });

        var byEf = await _app.QueryAsync(db => db.Flashcards.AsNoTracking().Where(c => c.UserId == userId && !c.IsDeleted).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(3, byEf.Count);
        Assert.Equal(byEf.Select(c => new CardHead(c.Id, c.QuestionId, c.Tags, c.State, c.DueUtc, c.IsSuspended, c.BuriedUntilUtc)), (await reads.HeadsOfAsync(userId, default)));
        foreach (var expected in byEf)
        {
            var card = (await reads.CardOfAsync(userId, expected.Id, default))!;
            Assert.Equal(
                (expected.Id, expected.UserId, expected.QuestionId, expected.Front, expected.BackMarkdown, expected.BackHtml, expected.Tags, expected.AskedQuestionId, expected.Version, expected.CreatedAtUtc, expected.IsDeleted),
                (card.Id, card.UserId, card.QuestionId, card.Front, card.BackMarkdown, card.BackHtml, card.Tags, card.AskedQuestionId, card.Version, card.CreatedAtUtc, card.IsDeleted));
            Assert.Equal(expected.Snapshot(), card.Snapshot());
        }
        Assert.True((await reads.CardOfAsync(userId, buried, default))!.IsSuspended);
        Assert.Null((await reads.CardOfAsync(userId, deleted, default)));
        Assert.Null((await reads.CardOfAsync(strangerId, own, default)));
        Assert.Empty((await reads.HeadsOfAsync(strangerId, default)));
    }

    [Fact]
    public async Task TheSetupIsTheUsersZoneAndSavedSettingsAndReviewsAreFoundInAHalfOpenSpan()
    {
        var (_, userId) = await _app.UserAsync();
        using var scope = _app.Services.CreateScope();
        var reads = scope.ServiceProvider.GetRequiredService<IStudyReads>();
        var library = scope.ServiceProvider.GetRequiredService<FlashcardLibrary>();
        Assert.Equal(new StudySetup("Europe/Berlin", null), (await reads.SetupOfAsync(userId, default)));
        // To the microsecond: PostgreSQL keeps no finer time (StoredDatesTests reads SQLite's seven digits of fraction).
        var through = new DateTime(2026, 3, 1, 8, 30, 15, 123, 456, DateTimeKind.Utc);
        await _app.QueryAsync(async db =>
        {
            db.FlashcardSettings.Add(new FlashcardSettings { UserId = userId, DesiredRetention = 0.87, NewPerDay = 12, ReviewsPerDay = 150, PracticeLoggedThroughUtc = through, Version = 4 });
            return await db.SaveChangesAsync();
        });
        var settings = (await reads.SetupOfAsync(userId, default)).Settings!;
        Assert.Equal((userId, 0.87, 12, 150, through, 4), (settings.UserId, settings.DesiredRetention, settings.NewPerDay, settings.ReviewsPerDay, settings.PracticeLoggedThroughUtc, settings.Version));
        await Assert.ThrowsAsync<InvalidOperationException>(() => reads.SetupOfAsync("no-such-user", default));

        var question = await _app.QueryAsync(db => db.Questions.Where(q => !q.IsRetired).OrderBy(q => q.Id).Select(q => q.Id).FirstAsync());
        var context = await library.ContextAsync(userId, default);
        await library.GradeFirstAsync(context, question, Grade.Good, 1000, Deck.All, default);
        var at = context.NowUtc;
        Assert.True((await reads.ReviewedBetweenAsync(userId, at.AddTicks(-1), at, default)));
        Assert.False((await reads.ReviewedBetweenAsync(userId, at, at.AddDays(1), default)));
        Assert.False((await reads.ReviewedBetweenAsync(userId, at.AddDays(-1), at.AddTicks(-1), default)));
    }

    [Fact]
    public async Task AGradeWrittenWithoutEfCoreReadsBackThroughItColumnForColumn()
    {
        var (_, userId) = await _app.UserAsync();
        var (_, strangerId) = await _app.UserAsync();
        var question = await _app.QueryAsync(db => db.Questions.Where(q => !q.IsRetired).OrderBy(q => q.Id).Select(q => q.Id).FirstAsync());
        using var scope = _app.Services.CreateScope();
        var library = scope.ServiceProvider.GetRequiredService<FlashcardLibrary>();
        Assert.Equal(CardChange.Done, await library.GradeFirstAsync(await library.ContextAsync(userId, default), question, Grade.Hard, 4200, Deck.All, default));
        var first = library.LastLogged!;
        Assert.Equal(CardChange.Stale, await library.GradeFirstAsync(await library.ContextAsync(userId, default), question, Grade.Good, 1000, Deck.All, default));
        _app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(CardChange.Done, await library.GradeAsync(await library.ContextAsync(userId, default), first.FlashcardId, 1, Grade.Again, 900, Deck.All, default));
        var second = library.LastLogged!;
        Assert.Equal(CardChange.Stale, await library.GradeAsync(await library.ContextAsync(userId, default), first.FlashcardId, 1, Grade.Easy, 900, Deck.All, default));
        Assert.Equal(CardChange.NotFound, await library.GradeAsync(await library.ContextAsync(strangerId, default), first.FlashcardId, 2, Grade.Easy, 900, Deck.All, default));

        var card = await _app.QueryAsync(db => db.Flashcards.AsNoTracking().FirstAsync(c => c.Id == first.FlashcardId));
        var logs = await _app.QueryAsync(db => db.ReviewLogs.AsNoTracking().Where(l => l.FlashcardId == card.Id).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal((userId, question, (string?)null, "", "", "", 2, false, false, false), (card.UserId, card.QuestionId, card.Front, card.BackMarkdown, card.BackHtml, card.Tags, card.Version, card.IsDeleted, card.IsSuspended, card.IsLeech));
        Assert.Equal(second.After, card.Snapshot());
        Assert.Equal(2, card.Reps);
        Assert.Equal([first.Id, second.Id], logs.Select(l => l.Id));
        foreach (var (logged, written) in logs.Zip([first, second]))
        {
            Assert.Equal(
                (written.UserId, written.FlashcardId, written.Kind, written.Grade, written.ReviewedAtUtc, written.DurationMs, written.CardVersion, written.UndoesId, written.Deck, written.Before, written.After, written.StateBefore),
                (logged.UserId, logged.FlashcardId, logged.Kind, logged.Grade, logged.ReviewedAtUtc, logged.DurationMs, logged.CardVersion, logged.UndoesId, logged.Deck, logged.Before, logged.After, logged.StateBefore));
        }
        Assert.Equal((0, 1, CardState.New, CardState.Learning), (logs[0].CardVersion, logs[1].CardVersion, logs[0].StateBefore, logs[1].StateBefore));
    }

    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task TheDeckIsReadFromItsOwnIndexAloneAndInIdOrder()
    {
        var plan = await _app.QueryAsync(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteStudyReads.Heads;
            explain.Parameters.AddWithValue("$user", "someone");
            using var rows = await explain.ExecuteReaderAsync();
            var steps = new List<string>();
            while (await rows.ReadAsync())
            {
                steps.Add(rows.GetString(3));
            }
            return string.Join(" | ", steps);
        });

        Assert.Equal("SEARCH Flashcards USING COVERING INDEX IX_Flashcards_Heads (UserId=?)", plan);
    }
}
