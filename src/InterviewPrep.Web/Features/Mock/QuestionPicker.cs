using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>A question the picker may choose, with what the user's history says about it.</summary>
/// <param name="Retrievability">The chance of recall now by the scheduler; null when the user has no card for it.</param>
/// <param name="LastMockUtc">When it was last answered in a mock round; null if never.</param>
/// <param name="OnChecklist">On the prep checklist of the interview the round is for.</param>
public sealed record MockCandidate(
    int QuestionId, string CategorySlug, Difficulty Difficulty, double? Retrievability, int Lapses, DateTime? DueUtc,
    DateTime? LastMockUtc, bool OnChecklist = false);

/// <summary>A chosen question and its share of the round's time.</summary>
public sealed record PickedQuestion(int QuestionId, string CategorySlug, Difficulty Difficulty, int BudgetSeconds);

/// <summary>
/// Chooses the questions of a round: the interview's checklist first, then weak or due cards, then questions never
/// studied, then the rest; none answered in a mock in the last two weeks unless the pool runs out; as many as fit the
/// round's length; easiest first, so difficulty rises through the round. Plain logic: the caller passes the clock.
/// </summary>
public static class QuestionPicker
{
    public static readonly TimeSpan RecentMock = TimeSpan.FromDays(14);

    /// <summary>Below this chance of recall a studied question counts as weak.</summary>
    public const double WeakRetrievability = 0.85;

    public static IReadOnlyList<PickedQuestion> Pick(MockKind kind, int lengthMinutes, IReadOnlyList<MockCandidate> candidates, DateTime nowUtc, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lengthMinutes, 1);
        var categories = MockKinds.Categories(kind);
        var pool = kind == MockKind.Interview ? candidates : candidates.Where(c => categories.Contains(c.CategorySlug)).ToList();
        var ranked = Rank(pool, nowUtc, new Random(seed));

        var picked = kind == MockKind.Onsite ? FillSlots(ranked, lengthMinutes) : FillGreedily(ranked, lengthMinutes);
        if (picked.Count == 0)
        {
            return [];
        }
        // Each question's share of the round in proportion to what its kind takes, so the budgets add up to the round.
        var totalMinutes = picked.Sum(c => MockKinds.MinutesFor(c.CategorySlug));
        return [.. picked
            .OrderBy(c => c.Difficulty) // stable: within a difficulty, the picking order stays
            .Select(c => new PickedQuestion(c.QuestionId, c.CategorySlug, c.Difficulty,
                (int)Math.Round(lengthMinutes * 60.0 * MockKinds.MinutesFor(c.CategorySlug) / totalMinutes)))];
    }

    /// <summary>The pool in the order questions are taken.</summary>
    private static List<MockCandidate> Rank(IEnumerable<MockCandidate> pool, DateTime nowUtc, Random random) =>
        [.. pool
            .Select(c => (Candidate: c, Shuffle: random.Next()))
            .OrderBy(x => IsRecent(x.Candidate, nowUtc) ? 1 : 0)
            .ThenBy(x => IsRecent(x.Candidate, nowUtc) ? x.Candidate.LastMockUtc!.Value.Ticks : 0) // the least recent first
            .ThenBy(x => Tier(x.Candidate, nowUtc))
            .ThenBy(x => x.Candidate.Retrievability ?? 1)
            .ThenBy(x => x.Shuffle)
            .Select(x => x.Candidate)];

    private static bool IsRecent(MockCandidate candidate, DateTime nowUtc) => candidate.LastMockUtc is { } last && nowUtc - last < RecentMock;

    private static int Tier(MockCandidate candidate, DateTime nowUtc) => candidate switch
    {
        { OnChecklist: true } => 0,
        { Retrievability: null } => 2,
        _ when candidate.Lapses > 0 || candidate.Retrievability < WeakRetrievability || candidate.DueUtc <= nowUtc => 1,
        _ => 3,
    };

    private static List<MockCandidate> FillGreedily(List<MockCandidate> ranked, int lengthMinutes)
    {
        var picked = new List<MockCandidate>();
        var minutes = 0;
        foreach (var candidate in ranked)
        {
            var cost = MockKinds.MinutesFor(candidate.CategorySlug);
            if (picked.Count == 0 || minutes + cost <= lengthMinutes)
            {
                picked.Add(candidate);
                minutes += cost;
            }
            if (minutes >= lengthMinutes)
            {
                break;
            }
        }
        return picked;
    }

    /// <summary>A mixed loop: a question from each slot in turn, while the next one fits the round.</summary>
    private static List<MockCandidate> FillSlots(List<MockCandidate> ranked, int lengthMinutes)
    {
        var picked = new List<MockCandidate>();
        var minutes = 0;
        for (var turn = 0; turn < MockKinds.OnsiteSlots.Count * 4; turn++)
        {
            var slot = MockKinds.OnsiteSlots[turn % MockKinds.OnsiteSlots.Count];
            var next = ranked.FirstOrDefault(c => slot.Contains(c.CategorySlug) && !picked.Contains(c));
            if (next is null)
            {
                continue;
            }
            var cost = MockKinds.MinutesFor(next.CategorySlug);
            if (picked.Count > 0 && minutes + cost > lengthMinutes)
            {
                break;
            }
            picked.Add(next);
            minutes += cost;
        }
        return picked;
    }
}
