using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>The small reads that every review and grade runs. Each provider registers one implementation.</summary>
public interface IStudyReads
{
    /// <summary>The user's time zone and flashcard settings (null when never saved): every review and grade starts with them.</summary>
    Task<StudySetup> SetupOfAsync(string userId, CancellationToken ct);

    /// <summary>The user's cards (not deleted) as the decks need them, by id.</summary>
    Task<List<CardHead>> HeadsOfAsync(string userId, CancellationToken ct);

    /// <summary>A card of the user as it is now, not tracked; deleted cards are not found.</summary>
    Task<Flashcard?> CardOfAsync(string userId, int cardId, CancellationToken ct);

    /// <summary>The counted reviews (graded, not undone) since a time, and how many of them were of new cards.</summary>
    Task<StudiedCounts> CountedSinceAsync(string userId, DateTime sinceUtc, CancellationToken ct);

    /// <summary>The user's last counted review, with its card's version now (null when the card is gone).</summary>
    Task<LastReview?> LastCountedAsync(string userId, CancellationToken ct);

    /// <summary>Whether the user has a review logged after one time and up to another.</summary>
    Task<bool> ReviewedBetweenAsync(string userId, DateTime afterUtc, DateTime untilUtc, CancellationToken ct);

    /// <summary>What the review card shows of a bank question, retired or not; null when there is no such question.</summary>
    Task<ShownQuestion?> ShownQuestionOfAsync(int questionId, CancellationToken ct);
}

/// <summary>The study reads through EF Core, on any provider: "counted" is <see cref="FlashcardLibrary.Counted"/>.</summary>
internal sealed class StudyReads(AppDbContext db) : IStudyReads
{
    public async Task<StudySetup> SetupOfAsync(string userId, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.TimeZoneId, Settings = db.FlashcardSettings.FirstOrDefault(s => s.UserId == u.Id) })
            .FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException("The signed-in user has no row.");
        return new StudySetup(row.TimeZoneId, row.Settings);
    }

    public Task<List<CardHead>> HeadsOfAsync(string userId, CancellationToken ct) =>
        db.Flashcards.AsNoTracking().Where(c => c.UserId == userId && !c.IsDeleted).OrderBy(c => c.Id)
            .Select(c => new CardHead(c.Id, c.QuestionId, c.Tags, c.State, c.DueUtc, c.IsSuspended, c.BuriedUntilUtc))
            .ToListAsync(ct);

    public Task<Flashcard?> CardOfAsync(string userId, int cardId, CancellationToken ct) =>
        db.Flashcards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId && c.UserId == userId && !c.IsDeleted, ct);

    public async Task<StudiedCounts> CountedSinceAsync(string userId, DateTime sinceUtc, CancellationToken ct)
    {
        var counts = await FlashcardLibrary.Counted(db, userId).Where(l => l.ReviewedAtUtc >= sinceUtc)
            .GroupBy(l => 1)
            .Select(g => new { New = g.Count(l => l.StateBefore == CardState.New), All = g.Count() })
            .FirstOrDefaultAsync(ct);
        return counts is null ? default : new StudiedCounts(counts.New, counts.All);
    }

    public async Task<LastReview?> LastCountedAsync(string userId, CancellationToken ct)
    {
        var last = await FlashcardLibrary.Counted(db, userId).OrderByDescending(l => l.Id)
            .Select(l => new { Log = l, Version = db.Flashcards.Where(c => c.Id == l.FlashcardId && c.UserId == userId).Select(c => (int?)c.Version).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return last is null ? null : new LastReview(last.Log, last.Version);
    }

    public Task<bool> ReviewedBetweenAsync(string userId, DateTime afterUtc, DateTime untilUtc, CancellationToken ct) =>
        db.ReviewLogs.AnyAsync(l => l.UserId == userId && l.Kind == ReviewKind.Review && l.ReviewedAtUtc > afterUtc && l.ReviewedAtUtc <= untilUtc, ct);

    public Task<ShownQuestion?> ShownQuestionOfAsync(int questionId, CancellationToken ct) =>
        db.Questions.AsNoTracking().Where(q => q.Id == questionId)
            .Select(q => new ShownQuestion(q.Slug, q.Title, q.Category.Title, q.Difficulty, q.AnswerHtml, q.HowToAnswerHtml,
                q.ExampleAnswerHtml, q.FollowUpsHtml, q.KeyPointsHtml, q.IsRetired))
            .FirstOrDefaultAsync(ct);
}

/// <summary>A user's time zone, and their flashcard settings if they ever saved them.</summary>
public sealed record StudySetup(string TimeZoneId, FlashcardSettings? Settings);

/// <summary>How many counted reviews, and how many of them started a new card.</summary>
public readonly record struct StudiedCounts(int New, int All);

/// <summary>A review, and the version its card has now.</summary>
public sealed record LastReview(ReviewLog Log, int? CardVersion);

/// <summary>What a review card shows of a bank question.</summary>
public sealed record ShownQuestion(string Slug, string Title, string Category, Difficulty Difficulty, string AnswerHtml, string HowToAnswerHtml,
    string ExampleAnswerHtml, string FollowUpsHtml, string KeyPointsHtml, bool IsRetired);
