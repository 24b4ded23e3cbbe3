using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class ReadingRetrievability
{
    private static readonly DateTimeOffset Start = new(2025, 2, 3, 7, 15, 0, TimeSpan.Zero);
    private static readonly int[] DaysSinceReview = [0, 1, 5, 30, 100, 365, 3650];

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void IsTheDesiredRetentionWhenTheCardFallsDue(double desiredRetention)
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default with { DesiredRetention = desiredRetention, EnableFuzz = false });
        var card = LongTermCard(scheduler);

        var atDue = scheduler.Retrievability(card, card.Due);

        // Intervals are whole days, so recall at the due date is the target up to that rounding.
        Assert.True(card.ScheduledDays >= 20, $"scheduled {card.ScheduledDays} days");
        Assert.Equal(desiredRetention, atDue, 0.005);
    }

    [Fact]
    public void IsExactlyTheTargetAfterStabilityDaysAtRetention90()
    {
        var scheduler = new FsrsScheduler();
        var card = CardMemory.New(Start) with { State = CardState.Review, Stability = 12, Difficulty = 5, LastReview = Start };

        Assert.Equal(0.9, scheduler.Retrievability(card, Start.AddDays(12)), 1e-8);
    }

    [Fact]
    public void DecreasesWithTime()
    {
        var scheduler = new FsrsScheduler();
        var card = LongTermCard(scheduler);
        var last = card.LastReview!.Value;

        var values = DaysSinceReview
            .Select(days => scheduler.Retrievability(card, last.AddDays(days)))
            .ToList();

        Assert.Equal(1.0, values[0]);
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(values[i] < values[i - 1], $"R after step {i} is {values[i]}, before it {values[i - 1]}");
        }
        Assert.InRange(values[^1], 0, 0.9);
    }

    [Fact]
    public void IsZeroForANewCard()
    {
        Assert.Equal(0, new FsrsScheduler().Retrievability(CardMemory.New(Start), Start.AddDays(3)));
    }

    private static CardMemory LongTermCard(FsrsScheduler scheduler)
    {
        var card = scheduler.Review(CardMemory.New(Start), Grade.Easy, Start);
        for (var i = 0; i < 3; i++)
        {
            card = scheduler.Review(card, Grade.Good, card.Due);
        }
        return card;
    }
}
