using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// One card of one user: a question of the bank (created the first time it is shown) or the user's own card
/// (front and back written by hand, imported, or taken from an interview debrief), with its memory state.
/// </summary>
public sealed class Flashcard : IUserOwned
{
    public const int FrontMaxLength = 500;
    public const int BackMaxLength = 20_000;
    public const int TagsMaxLength = 300;

    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The bank question this card quizzes; null for an own card.</summary>
    public int? QuestionId { get; set; }

    /// <summary>An own card's front (plain text); null for a bank card.</summary>
    public string? Front { get; set; }
    public string BackMarkdown { get; set; } = "";
    public string BackHtml { get; set; } = "";

    /// <summary>An own card's tags: lower-case words separated by single spaces.</summary>
    public string Tags { get; set; } = "";

    /// <summary>The debrief question an own card was made from, if any.</summary>
    public int? AskedQuestionId { get; set; }

    public CardState State { get; set; }
    public DateTime DueUtc { get; set; }
    public double Stability { get; set; }
    public double Difficulty { get; set; }
    public int ElapsedDays { get; set; }
    public int ScheduledDays { get; set; }
    public int Reps { get; set; }
    public int Lapses { get; set; }
    public int LearningStep { get; set; }
    public DateTime? LastReviewUtc { get; set; }

    public bool IsSuspended { get; set; }

    /// <summary>Hidden from review until this time (the start of the user's next day).</summary>
    public DateTime? BuriedUntilUtc { get; set; }

    /// <summary>Forgotten so often (8 lapses) that it was suspended; listed on the stats page.</summary>
    public bool IsLeech { get; set; }

    /// <summary>An own card the user deleted: hidden everywhere, kept because the review log points at it.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>
    /// The showing token: incremented by every change of the card. A grade form carries the version it was
    /// shown with, and is accepted only while the card still has it, so one showing records at most one review.
    /// </summary>
    public int Version { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public bool IsOwn => QuestionId is null;

    public CardMemory Memory => new(
        State, Utc(DueUtc), Stability, Difficulty, ElapsedDays, ScheduledDays, Reps, Lapses, LearningStep,
        LastReviewUtc is { } last ? Utc(last) : null);

    public void Apply(CardMemory memory)
    {
        State = memory.State;
        DueUtc = memory.Due.UtcDateTime;
        Stability = memory.Stability;
        Difficulty = memory.Difficulty;
        ElapsedDays = memory.ElapsedDays;
        ScheduledDays = memory.ScheduledDays;
        Reps = memory.Reps;
        Lapses = memory.Lapses;
        LearningStep = memory.LearningStep;
        LastReviewUtc = memory.LastReview?.UtcDateTime;
    }

    /// <summary>Everything of the card that a review, an undo or a reset changes, as the log keeps it.</summary>
    public CardSnapshot Snapshot() => new(
        State, DateTime.SpecifyKind(DueUtc, DateTimeKind.Utc), Stability, Difficulty, ElapsedDays, ScheduledDays, Reps, Lapses,
        LearningStep, LastReviewUtc is { } last ? DateTime.SpecifyKind(last, DateTimeKind.Utc) : null,
        IsSuspended, IsLeech, BuriedUntilUtc is { } buried ? DateTime.SpecifyKind(buried, DateTimeKind.Utc) : null);

    /// <summary>Puts the card back exactly as a snapshot has it.</summary>
    public void Restore(CardSnapshot snapshot)
    {
        State = snapshot.State;
        DueUtc = snapshot.DueUtc;
        Stability = snapshot.Stability;
        Difficulty = snapshot.Difficulty;
        ElapsedDays = snapshot.ElapsedDays;
        ScheduledDays = snapshot.ScheduledDays;
        Reps = snapshot.Reps;
        Lapses = snapshot.Lapses;
        LearningStep = snapshot.LearningStep;
        LastReviewUtc = snapshot.LastReviewUtc;
        IsSuspended = snapshot.IsSuspended;
        IsLeech = snapshot.IsLeech;
        BuriedUntilUtc = snapshot.BuriedUntilUtc;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}

/// <summary>A card's memory and flags at one moment, stored as JSON in the review log.</summary>
public sealed record CardSnapshot(
    CardState State,
    DateTime DueUtc,
    double Stability,
    double Difficulty,
    int ElapsedDays,
    int ScheduledDays,
    int Reps,
    int Lapses,
    int LearningStep,
    DateTime? LastReviewUtc,
    bool IsSuspended,
    bool IsLeech,
    DateTime? BuriedUntilUtc);

/// <summary>What an entry of the review log records.</summary>
public enum ReviewKind
{
    /// <summary>The card was graded.</summary>
    Review = 0,

    /// <summary>A review was taken back; the card was put back as it was before it.</summary>
    Undo = 1,

    /// <summary>The user reset the card's progress: it is new again.</summary>
    Reset = 2,
}

/// <summary>
/// An entry of the append-only review log: who, which card, what happened, when, and the card before and
/// after. Never edited or deleted (only account deletion removes it); an undo is an entry of its own.
/// </summary>
public sealed class ReviewLog : IUserOwned
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public int FlashcardId { get; set; }

    /// <summary>The card, set only to save a new card with its first review in one SaveChanges; queries do not load it.</summary>
    public Flashcard? Card { get; set; }

    public ReviewKind Kind { get; set; }

    /// <summary>1 to 4 for a review; null for an undo or a reset.</summary>
    public Grade? Grade { get; set; }
    public DateTime ReviewedAtUtc { get; set; }

    /// <summary>How long the answer took, from the showing of the question to the grade.</summary>
    public int DurationMs { get; set; }

    /// <summary>The card's version before this entry; unique per card, so one showing is logged once.</summary>
    public int CardVersion { get; set; }

    /// <summary>For an undo: the review it took back (unique, so a review is undone at most once).</summary>
    public long? UndoesId { get; set; }

    /// <summary>The deck the card was studied in, such as <c>category:theory</c>.</summary>
    public string Deck { get; set; } = "all";

    public required CardSnapshot Before
    {
        get;
        set
        {
            field = value;
            StateBefore = value.State;
        }
    }

    public required CardSnapshot After { get; set; }

    /// <summary>
    /// <see cref="Before"/>'s state again, in a column of its own: today's count of new cards reads it for every review of the
    /// day, and out of the JSON that meant deserializing each one.
    /// </summary>
    public CardState StateBefore { get; private set; }
}

/// <summary>A user's flashcard settings, and how far their reviews have been logged as practice sessions.</summary>
public sealed class FlashcardSettings : IUserOwned
{
    public const double DefaultDesiredRetention = 0.9;
    public const int DefaultNewPerDay = 20;
    public const int DefaultReviewsPerDay = 200;

    public required string UserId { get; set; }
    public double DesiredRetention { get; set; } = DefaultDesiredRetention;
    public int NewPerDay { get; set; } = DefaultNewPerDay;
    public int ReviewsPerDay { get; set; } = DefaultReviewsPerDay;

    /// <summary>Reviews up to this time are already in the practice log.</summary>
    public DateTime? PracticeLoggedThroughUtc { get; set; }

    /// <summary>Incremented on every save; two requests closing the same study session cannot both log it.</summary>
    public int Version { get; set; }
}
