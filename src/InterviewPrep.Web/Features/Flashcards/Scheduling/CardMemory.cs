namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>
/// A card's scheduling state: everything the scheduler needs to decide the next review, and nothing else.
/// </summary>
/// <param name="State">Where the card is in its life.</param>
/// <param name="Due">When the card should next be shown (UTC).</param>
/// <param name="Stability">Days after which recall falls to 90%; 0 for a new card.</param>
/// <param name="Difficulty">1 (easy) to 10 (hard); 0 for a new card.</param>
/// <param name="ElapsedDays">Calendar days (UTC) between the previous review and the last one.</param>
/// <param name="ScheduledDays">Days from the last review to <paramref name="Due"/>; 0 while in a (re)learning step.</param>
/// <param name="Reps">How many times the card was reviewed.</param>
/// <param name="Lapses">How many times the card was forgotten while in review.</param>
/// <param name="LearningStep">Index of the current (re)learning step.</param>
/// <param name="LastReview">When the card was last reviewed (UTC); null for a new card.</param>
public sealed record CardMemory(
    CardState State,
    DateTimeOffset Due,
    double Stability,
    double Difficulty,
    int ElapsedDays,
    int ScheduledDays,
    int Reps,
    int Lapses,
    int LearningStep,
    DateTimeOffset? LastReview)
{
    /// <summary>A card that was never reviewed, due at <paramref name="now"/>.</summary>
    public static CardMemory New(DateTimeOffset now) =>
        new(CardState.New, now.ToUniversalTime(), 0, 0, 0, 0, 0, 0, 0, null);
}
