using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// The queries every review, grade and dashboard runs, compiled once. Built per call, EF Core has to build, funcletize
/// and hash each expression tree before finding it in its cache: half the time of these small queries, and the review
/// page runs eight of them.
/// </summary>
/// <remarks>
/// A singleton, not static fields: a compiled query binds to the model of the first context it runs with
/// (dotnet/efcore#13483), and each host has a model of its own; the tests start many hosts in one process.
/// "Counted" reviews (graded, not undone) are the rule of <see cref="FlashcardLibrary.CountedLogs"/>, written out
/// again here because a compiled query cannot call it: change them together.
/// </remarks>
public sealed class FlashcardQueries
{
    /// <summary>The user's time zone and flashcard settings (null when never saved) in one query: every review and grade starts with them.</summary>
    public Func<AppDbContext, string, CancellationToken, Task<StudySetup>> SetupOf { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken ct) =>
            (from u in db.Users
             where u.Id == userId
             join s in db.FlashcardSettings.AsNoTracking() on u.Id equals s.UserId into saved
             from s in saved.DefaultIfEmpty()
             select new StudySetup(u.TimeZoneId, s)).First());

    /// <summary>The user's settings, tracked, to be changed.</summary>
    public Func<AppDbContext, string, CancellationToken, Task<FlashcardSettings?>> SettingsToChange { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken ct) =>
            db.FlashcardSettings.FirstOrDefault(s => s.UserId == userId));

    public Func<AppDbContext, string, IAsyncEnumerable<Flashcard>> CardsOf { get; } =
        EF.CompileAsyncQuery<AppDbContext, string, Flashcard>((db, userId) =>
            db.Flashcards.AsNoTracking().Where(c => c.UserId == userId && !c.IsDeleted).OrderBy(c => c.Id));

    public Func<AppDbContext, string, IAsyncEnumerable<CardHead>> HeadsOf { get; } =
        EF.CompileAsyncQuery<AppDbContext, string, CardHead>((db, userId) =>
            db.Flashcards.Where(c => c.UserId == userId && !c.IsDeleted).OrderBy(c => c.Id)
                .Select(c => new CardHead(c.Id, c.QuestionId, c.Tags, c.State, c.DueUtc, c.IsSuspended, c.BuriedUntilUtc)));

    public Func<AppDbContext, string, int, CancellationToken, Task<Flashcard?>> CardOf { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, int cardId, CancellationToken ct) =>
            db.Flashcards.AsNoTracking().FirstOrDefault(c => c.UserId == userId && c.Id == cardId && !c.IsDeleted));

    /// <summary>A card of the user, tracked, to be changed; deleted cards are not found.</summary>
    public Func<AppDbContext, string, int, CancellationToken, Task<Flashcard?>> CardToChange { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, int cardId, CancellationToken ct) =>
            db.Flashcards.FirstOrDefault(c => c.UserId == userId && c.Id == cardId && !c.IsDeleted));

    /// <summary>The counted reviews (graded, not undone) since a time, and how many of them were of new cards.</summary>
    public Func<AppDbContext, string, DateTime, CancellationToken, Task<StudiedCounts>> CountedSince { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, DateTime sinceUtc, CancellationToken ct) =>
            db.Users.Where(u => u.Id == userId).Select(u => new StudiedCounts(
                db.ReviewLogs.Count(l => l.UserId == userId && l.Kind == ReviewKind.Review && l.ReviewedAtUtc >= sinceUtc
                    && l.StateBefore == CardState.New && !db.ReviewLogs.Any(undo => undo.UndoesId == l.Id)),
                db.ReviewLogs.Count(l => l.UserId == userId && l.Kind == ReviewKind.Review && l.ReviewedAtUtc >= sinceUtc
                    && !db.ReviewLogs.Any(undo => undo.UndoesId == l.Id))))
            .First());

    /// <summary>The user's last counted review, with its card's version now (null when the card is gone).</summary>
    public Func<AppDbContext, string, CancellationToken, Task<LastReview?>> LastCounted { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken ct) =>
            db.ReviewLogs.AsNoTracking().Where(l => l.UserId == userId && l.Kind == ReviewKind.Review && !db.ReviewLogs.Any(u => u.UndoesId == l.Id))
                .OrderByDescending(l => l.Id)
                .Select(l => new LastReview(l, db.Flashcards.Where(c => c.Id == l.FlashcardId && c.UserId == userId).Select(c => (int?)c.Version).FirstOrDefault()))
                .FirstOrDefault());

    /// <summary>Whether the user has a review logged after one time and up to another.</summary>
    public Func<AppDbContext, string, DateTime, DateTime, CancellationToken, Task<bool>> ReviewedBetween { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, DateTime afterUtc, DateTime untilUtc, CancellationToken ct) =>
            db.ReviewLogs.Any(l => l.UserId == userId && l.Kind == ReviewKind.Review && l.ReviewedAtUtc > afterUtc && l.ReviewedAtUtc <= untilUtc));
}

/// <summary>A user's time zone, and their flashcard settings if they ever saved them.</summary>
public sealed record StudySetup(string TimeZoneId, FlashcardSettings? Settings);

/// <summary>How many counted reviews, and how many of them started a new card.</summary>
public readonly record struct StudiedCounts(int New, int All);

/// <summary>A review, and the version its card has now.</summary>
public sealed record LastReview(ReviewLog Log, int? CardVersion);
