using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class FuzzingIntervals
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly FsrsScheduler Plain = new(FsrsParameters.Default with { EnableFuzz = false });
    private static readonly FsrsScheduler Fuzzed = new(FsrsParameters.Default with { EnableFuzz = true });

    [Fact]
    public void IsOnByDefault() => Assert.True(FsrsParameters.Default.EnableFuzz);

    [Fact]
    public void OffGivesTheSameIntervalWhateverTheTimeOfTheReview()
    {
        var card = ReviewCard();

        var intervals = Enumerable.Range(0, 50)
            .Select(minute => Plain.Review(card, Grade.Good, card.Due.AddMinutes(minute)).ScheduledDays)
            .Distinct();

        Assert.Single(intervals);
    }

    [Fact]
    public void TheSameReviewGivesTheSameIntervalTwice()
    {
        var card = ReviewCard();

        var first = Fuzzed.Review(card, Grade.Good, card.Due);
        var second = new FsrsScheduler(FsrsParameters.Default).Review(card, Grade.Good, card.Due);

        Assert.Equal(first, second);
    }

    [Fact]
    public void StaysWithinTheDocumentedRangeAndSpreadsCards()
    {
        var card = ReviewCard();
        var seen = new HashSet<int>();

        for (var second = 0; second < 200; second++)
        {
            var now = card.Due.AddSeconds(second * 7);
            var unfuzzed = Plain.Review(card, Grade.Good, now).ScheduledDays;
            var fuzzed = Fuzzed.Review(card, Grade.Good, now).ScheduledDays;

            // docs/scheduling.md: delta = 1 + 0.15 per day from 2.5 to 7, 0.10 from 7 to 20, 0.05 beyond.
            var delta = 1 + (0.15 * Math.Clamp(unfuzzed - 2.5, 0, 4.5)) + (0.10 * Math.Clamp(unfuzzed - 7, 0, 13))
                + (0.05 * Math.Max(unfuzzed - 20, 0));
            Assert.InRange(fuzzed, Math.Max(2, (int)Math.Floor(unfuzzed - delta + 0.5)), (int)Math.Floor(unfuzzed + delta + 0.5));
            seen.Add(fuzzed);
        }

        Assert.True(seen.Count >= 3, $"fuzz gave only {string.Join(", ", seen)}");
    }

    [Fact]
    public void LeavesShortIntervalsAlone()
    {
        var card = Fuzzed.Review(CardMemory.New(Start), Grade.Good, Start);

        var graduated = Fuzzed.Review(card, Grade.Good, card.Due);

        Assert.Equal(Plain.Review(card, Grade.Good, card.Due).ScheduledDays, graduated.ScheduledDays);
        Assert.True(graduated.ScheduledDays < 3);
    }

    // Easy, then Good twice: a review card whose next Good interval is weeks, where fuzz is days wide.
    private static CardMemory ReviewCard()
    {
        var card = Plain.Review(CardMemory.New(Start), Grade.Easy, Start);
        card = Plain.Review(card, Grade.Good, card.Due);
        return Plain.Review(card, Grade.Good, card.Due);
    }
}
