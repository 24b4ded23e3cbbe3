using InterviewPrep.Web.Data.Configurations;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Questions;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// The reads every review and grade runs, as SQL statements prepared once on kept connections (<see cref="PreparedReads"/>):
/// through EF Core a grade spent more time building, opening and materializing its five small reads than running them
/// (decision 0009). "Counted" reviews (graded, not undone) are the rule of <see cref="FlashcardLibrary.CountedLogs"/>;
/// <see cref="Counted"/> is the same rule in SQL: change them together.
/// </summary>
internal sealed class SqliteStudyReads(PreparedReads reads) : IStudyReads
{
    /// <summary>A counted review <c>l</c>: graded, and not undone.</summary>
    private const string Counted = "l.[ReviewLog.Kind] = 'Review' AND NOT EXISTS (SELECT 1 FROM [ReviewLog] AS u WHERE u.[ReviewLog.UndoesId] = l.[ReviewLog.Id])";

    private static readonly string Setup = ModelSql.Resolve("""
        SELECT u.[AppUser.TimeZoneId], s.[FlashcardSettings.UserId], s.[FlashcardSettings.DesiredRetention], s.[FlashcardSettings.NewPerDay],
               s.[FlashcardSettings.ReviewsPerDay], s.[FlashcardSettings.PracticeLoggedThroughUtc], s.[FlashcardSettings.Version]
        FROM [AppUser] AS u LEFT JOIN [FlashcardSettings] AS s ON s.[FlashcardSettings.UserId] = u.[AppUser.Id]
        WHERE u.[AppUser.Id] = $user
        """);

    internal static readonly string Heads = ModelSql.Resolve("""
        SELECT [Flashcard.Id], [Flashcard.QuestionId], [Flashcard.Tags], [Flashcard.State], [Flashcard.DueUtc], [Flashcard.IsSuspended], [Flashcard.BuriedUntilUtc]
        FROM [Flashcard] WHERE [Flashcard.UserId] = $user AND NOT [Flashcard.IsDeleted] ORDER BY [Flashcard.Id]
        """);

    /// <summary>Every column of a card, in the order <see cref="ReadCard"/> reads them (a test checks that none is missing).</summary>
    internal const string CardTemplate = """
        SELECT [Flashcard.Id], [Flashcard.UserId], [Flashcard.QuestionId], [Flashcard.Front], [Flashcard.BackMarkdown], [Flashcard.BackHtml],
               [Flashcard.Tags], [Flashcard.AskedQuestionId], [Flashcard.State], [Flashcard.DueUtc], [Flashcard.Stability], [Flashcard.Difficulty],
               [Flashcard.ElapsedDays], [Flashcard.ScheduledDays], [Flashcard.Reps], [Flashcard.Lapses], [Flashcard.LearningStep],
               [Flashcard.LastReviewUtc], [Flashcard.IsSuspended], [Flashcard.BuriedUntilUtc], [Flashcard.IsLeech], [Flashcard.IsDeleted],
               [Flashcard.Version], [Flashcard.CreatedAtUtc]
        FROM [Flashcard] WHERE [Flashcard.Id] = $card AND [Flashcard.UserId] = $user AND NOT [Flashcard.IsDeleted]
        """;

    private static readonly string Card = ModelSql.Resolve(CardTemplate);

    // StateBefore 0 is CardState.New.
    private static readonly string CountedSinceSql = ModelSql.Resolve($"""
        SELECT coalesce(sum(l.[ReviewLog.StateBefore] = 0), 0), count(*)
        FROM [ReviewLog] AS l WHERE l.[ReviewLog.UserId] = $user AND l.[ReviewLog.ReviewedAtUtc] >= $since AND {Counted}
        """);

    private static readonly string LastCountedSql = ModelSql.Resolve($"""
        SELECT l.[ReviewLog.Id], l.[ReviewLog.FlashcardId], l.[ReviewLog.Grade], l.[ReviewLog.ReviewedAtUtc], l.[ReviewLog.DurationMs],
               l.[ReviewLog.CardVersion], l.[ReviewLog.Deck], l.[ReviewLog.Before], l.[ReviewLog.After],
               (SELECT c.[Flashcard.Version] FROM [Flashcard] AS c WHERE c.[Flashcard.Id] = l.[ReviewLog.FlashcardId] AND c.[Flashcard.UserId] = $user)
        FROM [ReviewLog] AS l WHERE l.[ReviewLog.UserId] = $user AND {Counted}
        ORDER BY l.[ReviewLog.Id] DESC LIMIT 1
        """);

    private static readonly string ReviewedBetweenSql = ModelSql.Resolve("""
        SELECT EXISTS (SELECT 1 FROM [ReviewLog]
                       WHERE [ReviewLog.UserId] = $user AND [ReviewLog.Kind] = 'Review' AND [ReviewLog.ReviewedAtUtc] > $after
                         AND [ReviewLog.ReviewedAtUtc] <= $until)
        """);

    private static readonly string Shown = ModelSql.Resolve("""
        SELECT q.[Question.Slug], q.[Question.Title], c.[Category.Title], q.[Question.Difficulty], q.[Question.AnswerHtml], q.[Question.HowToAnswerHtml],
               q.[Question.ExampleAnswerHtml], q.[Question.FollowUpsHtml], q.[Question.KeyPointsHtml], q.[Question.IsRetired]
        FROM [Question] AS q JOIN [Category] AS c ON c.[Category.Id] = q.[Question.CategoryId]
        WHERE q.[Question.Id] = $id
        """);

    /// <summary>The user's time zone and flashcard settings (null when never saved) in one query: every review and grade starts with them.</summary>
    public Task<StudySetup> SetupOfAsync(string userId, CancellationToken ct) => Task.FromResult(reads.Read(Setup, command => PreparedReads.Set(command, "$user", userId), row =>
    {
        if (!row.Read())
        {
            throw new InvalidOperationException("The signed-in user has no row.");
        }
        var settings = row.IsDBNull(1) ? null : new FlashcardSettings
        {
            UserId = row.GetString(1),
            DesiredRetention = row.GetDouble(2),
            NewPerDay = row.GetInt32(3),
            ReviewsPerDay = row.GetInt32(4),
            PracticeLoggedThroughUtc = row.IsDBNull(5) ? null : StoredDates.Read(row, 5),
            Version = row.GetInt32(6),
        };
        return new StudySetup(row.GetString(0), settings);
    }));

    /// <summary>The user's cards (not deleted) as the decks need them, by id.</summary>
    public Task<List<CardHead>> HeadsOfAsync(string userId, CancellationToken ct) => Task.FromResult(reads.Read(Heads, command => PreparedReads.Set(command, "$user", userId), row =>
    {
        var heads = new List<CardHead>();
        while (row.Read())
        {
            heads.Add(new CardHead(row.GetInt32(0), row.IsDBNull(1) ? null : row.GetInt32(1), row.GetString(2), (CardState)row.GetInt32(3),
                StoredDates.Read(row, 4), row.GetBoolean(5), row.IsDBNull(6) ? null : StoredDates.Read(row, 6)));
        }
        return heads;
    }));

    /// <summary>A card of the user as it is now; deleted cards are not found.</summary>
    public Task<Flashcard?> CardOfAsync(string userId, int cardId, CancellationToken ct) => Task.FromResult(reads.Read(Card, command =>
    {
        PreparedReads.Set(command, "$user", userId);
        PreparedReads.Set(command, "$card", cardId);
    }, row => row.Read() ? ReadCard(row) : null));

    /// <summary>The counted reviews (graded, not undone) since a time, and how many of them were of new cards.</summary>
    public Task<StudiedCounts> CountedSinceAsync(string userId, DateTime sinceUtc, CancellationToken ct) => Task.FromResult(reads.Read(CountedSinceSql, command =>
    {
        PreparedReads.Set(command, "$user", userId);
        PreparedReads.Set(command, "$since", sinceUtc);
    }, row => row.Read() ? new StudiedCounts(row.GetInt32(0), row.GetInt32(1)) : default));

    /// <summary>The user's last counted review, with its card's version now (null when the card is gone).</summary>
    public Task<LastReview?> LastCountedAsync(string userId, CancellationToken ct) => Task.FromResult(reads.Read(LastCountedSql, command => PreparedReads.Set(command, "$user", userId), row =>
        row.Read()
            ? new LastReview(new ReviewLog
            {
                Id = row.GetInt64(0),
                UserId = userId,
                FlashcardId = row.GetInt32(1),
                Kind = ReviewKind.Review,
                Grade = row.IsDBNull(2) ? null : (Grade)row.GetInt32(2),
                ReviewedAtUtc = StoredDates.Read(row, 3),
                DurationMs = row.GetInt32(4),
                CardVersion = row.GetInt32(5),
                Deck = row.GetString(6),
                Before = CardSnapshotJson.Read(row.GetString(7)),
                After = CardSnapshotJson.Read(row.GetString(8)),
            }, row.IsDBNull(9) ? null : row.GetInt32(9))
            : null));

    /// <summary>Whether the user has a review logged after one time and up to another.</summary>
    public Task<bool> ReviewedBetweenAsync(string userId, DateTime afterUtc, DateTime untilUtc, CancellationToken ct) => Task.FromResult(reads.Read(ReviewedBetweenSql, command =>
    {
        PreparedReads.Set(command, "$user", userId);
        PreparedReads.Set(command, "$after", afterUtc);
        PreparedReads.Set(command, "$until", untilUtc);
    }, row => row.Read() && row.GetBoolean(0)));

    /// <summary>What the review card shows of a bank question, retired or not; null when there is no such question.</summary>
    public Task<ShownQuestion?> ShownQuestionOfAsync(int questionId, CancellationToken ct) => Task.FromResult(reads.Read(Shown, command => PreparedReads.Set(command, "$id", questionId), row =>
        row.Read()
            ? new ShownQuestion(row.GetString(0), row.GetString(1), row.GetString(2), (Difficulty)row.GetInt32(3), row.GetString(4),
                row.GetString(5), row.GetString(6), row.GetString(7), row.GetString(8), row.GetBoolean(9))
            : null));

    private static Flashcard ReadCard(SqliteDataReader row) => new()
    {
        Id = row.GetInt32(0),
        UserId = row.GetString(1),
        QuestionId = row.IsDBNull(2) ? null : row.GetInt32(2),
        Front = row.IsDBNull(3) ? null : row.GetString(3),
        BackMarkdown = row.GetString(4),
        BackHtml = row.GetString(5),
        Tags = row.GetString(6),
        AskedQuestionId = row.IsDBNull(7) ? null : row.GetInt32(7),
        State = (CardState)row.GetInt32(8),
        DueUtc = StoredDates.Read(row, 9),
        Stability = row.GetDouble(10),
        Difficulty = row.GetDouble(11),
        ElapsedDays = row.GetInt32(12),
        ScheduledDays = row.GetInt32(13),
        Reps = row.GetInt32(14),
        Lapses = row.GetInt32(15),
        LearningStep = row.GetInt32(16),
        LastReviewUtc = row.IsDBNull(17) ? null : StoredDates.Read(row, 17),
        IsSuspended = row.GetBoolean(18),
        BuriedUntilUtc = row.IsDBNull(19) ? null : StoredDates.Read(row, 19),
        IsLeech = row.GetBoolean(20),
        IsDeleted = row.GetBoolean(21),
        Version = row.GetInt32(22),
        CreatedAtUtc = StoredDates.Read(row, 23),
    };
}
