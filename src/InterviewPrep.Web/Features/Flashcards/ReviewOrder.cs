using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>A card as the queue sees it. <see cref="FlashcardId"/> is null for a bank question not yet shown to the user.</summary>
public sealed record QueueCard(
    int? FlashcardId,
    int? QuestionId,
    CardState State,
    DateTime DueUtc,
    bool IsSuspended = false,
    DateTime? BuriedUntilUtc = null,
    bool IsRetired = false,
    int NewOrder = 0);

/// <summary>
/// A deck for picking the next card: the cards that have a row, and the bank questions never shown, which are all new,
/// as a count and the first of them in deck order.
/// </summary>
public sealed record DeckCards(IReadOnlyList<QueueCard> Cards, int UnseenCount, QueueCard? FirstUnseen)
{
    public int Count => Cards.Count + UnseenCount;
}

/// <summary>The daily limits and what was already studied today.</summary>
public sealed record StudyLimits(int NewPerDay, int ReviewsPerDay, int NewDoneToday, int ReviewsDoneToday)
{
    public int NewLeft => Math.Max(0, NewPerDay - NewDoneToday);
    public int ReviewsLeft => Math.Max(0, ReviewsPerDay - ReviewsDoneToday);
}

/// <summary>The next card to show and the counts of what is left.</summary>
public sealed record QueueResult(QueueCard? Next, int NewCount, int LearningCount, int DueCount, DateTime? NextDueUtc);

/// <summary>
/// Picks the next card of a deck. Pure: the cards, the limits and the times come in as arguments.
/// Learning cards come first when due; then reviews due by the cut-off and new cards are mixed, a new
/// card every few reviews so that both run out together; with nothing else left, a learning card due
/// within 20 minutes is shown early (as Anki's "learn ahead").
/// </summary>
public static class ReviewOrder
{
    public static readonly TimeSpan LearnAhead = TimeSpan.FromMinutes(20);

    /// <param name="cards">The deck's cards.</param>
    /// <param name="limits">The user's limits and today's counts.</param>
    /// <param name="nowUtc">Now.</param>
    /// <param name="reviewCutoffUtc">Review cards due before this are due now: the end of the user's day, or a later interview.</param>
    public static QueueResult Next(IEnumerable<QueueCard> cards, StudyLimits limits, DateTime nowUtc, DateTime reviewCutoffUtc) =>
        Next(new DeckCards([.. cards], 0, null), limits, nowUtc, reviewCutoffUtc);

    /// <param name="deck">The deck's cards, and its bank questions never shown.</param>
    /// <param name="limits">The user's limits and today's counts.</param>
    /// <param name="nowUtc">Now.</param>
    /// <param name="reviewCutoffUtc">Review cards due before this are due now: the end of the user's day, or a later interview.</param>
    public static QueueResult Next(DeckCards deck, StudyLimits limits, DateTime nowUtc, DateTime reviewCutoffUtc)
    {
        // One pass over the cards: sort only the studied ones, and of the new ones keep only the first in deck order
        // and how many there are (no list of them: with the daily limit lifted it could be 10,000 entries).
        var learning = new List<QueueCard>();
        var reviews = new List<QueueCard>();
        var firstFresh = deck.FirstUnseen;
        var freshCount = deck.UnseenCount;
        DateTime? firstDue = null;
        foreach (var c in deck.Cards)
        {
            if (c.IsSuspended || c.BuriedUntilUtc > nowUtc)
            {
                continue;
            }
            if (c.State != CardState.New && (firstDue is null || c.DueUtc < firstDue))
            {
                firstDue = c.DueUtc;
            }
            switch (c.State)
            {
                case CardState.Learning or CardState.Relearning:
                    learning.Add(c);
                    break;
                case CardState.Review when c.DueUtc <= reviewCutoffUtc:
                    reviews.Add(c);
                    break;
                // A retired question is not started any more, but a card already studied keeps its schedule.
                case CardState.New when !c.IsRetired:
                    freshCount++;
                    if (firstFresh is null || FreshOrder.Compare(c, firstFresh) < 0)
                    {
                        firstFresh = c;
                    }
                    break;
            }
        }
        learning.Sort(DueOrder);
        reviews.Sort(DueOrder);
        reviews = reviews.Count > limits.ReviewsLeft ? reviews[..limits.ReviewsLeft] : reviews;
        freshCount = Math.Min(freshCount, limits.NewLeft);
        firstFresh = freshCount > 0 ? firstFresh : null;

        var dueLearning = learning.FirstOrDefault(c => c.DueUtc <= nowUtc);
        var next = dueLearning ?? Mix(reviews, firstFresh, freshCount, limits.NewDoneToday + limits.ReviewsDoneToday)
            ?? learning.FirstOrDefault(c => c.DueUtc <= nowUtc + LearnAhead);
        return new QueueResult(next, freshCount, learning.Count, reviews.Count, next is null ? firstDue : null);
    }

    private static readonly Comparer<QueueCard> DueOrder = Comparer<QueueCard>.Create((a, b) =>
        a.DueUtc != b.DueUtc ? a.DueUtc.CompareTo(b.DueUtc) : Nullable.Compare(a.FlashcardId, b.FlashcardId));

    private static readonly Comparer<QueueCard> FreshOrder = Comparer<QueueCard>.Create((a, b) =>
        a.NewOrder != b.NewOrder ? a.NewOrder.CompareTo(b.NewOrder)
        : a.QuestionId != b.QuestionId ? Nullable.Compare(a.QuestionId, b.QuestionId)
        : Nullable.Compare(a.FlashcardId, b.FlashcardId));

    private static QueueCard? Mix(List<QueueCard> reviews, QueueCard? firstFresh, int freshCount, int doneToday)
    {
        if (reviews.Count == 0 || firstFresh is null)
        {
            return reviews.FirstOrDefault() ?? firstFresh;
        }
        // With 100 reviews and 20 new cards left, every sixth card is new; with more new cards than reviews, every
        // second one, so reviews (which cannot wait) are never pushed back behind new cards.
        var every = Math.Max(2, (reviews.Count + freshCount) / freshCount);
        return (doneToday + 1) % every == 0 ? firstFresh : reviews[0];
    }
}
