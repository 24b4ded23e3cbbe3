using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class ReviewingANewCard
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly FsrsScheduler _scheduler = new(FsrsParameters.Default with { EnableFuzz = false });

    [Fact]
    public void IsNewAndDueWhenCreated()
    {
        var card = CardMemory.New(Now);

        Assert.Equal(CardState.New, card.State);
        Assert.Equal(Now, card.Due);
        Assert.Equal(0, card.Reps);
        Assert.Null(card.LastReview);
    }

    // Expected values are what ts-fsrs 5.4.2 gives for the same card and time.
    [Theory]
    [InlineData(Grade.Again, CardState.Learning, 1, 0, 0.212, 6.4133, 0)]
    [InlineData(Grade.Hard, CardState.Learning, 6, 0, 1.2931, 5.11217071, 0)]
    [InlineData(Grade.Good, CardState.Learning, 10, 0, 2.3065, 2.11810397, 1)]
    [InlineData(Grade.Easy, CardState.Review, 8 * 24 * 60, 8, 8.2956, 1, 0)]
    public void TheFirstReviewStartsTheStepsOrGraduates(
        Grade grade, CardState state, int dueInMinutes, int scheduledDays, double stability, double difficulty, int learningStep)
    {
        var card = _scheduler.Review(CardMemory.New(Now), grade, Now);

        Assert.Equal(state, card.State);
        Assert.Equal(Now.AddMinutes(dueInMinutes), card.Due);
        Assert.Equal(scheduledDays, card.ScheduledDays);
        Assert.Equal(stability, card.Stability, 1e-9);
        Assert.Equal(difficulty, card.Difficulty, 1e-9);
        Assert.Equal(learningStep, card.LearningStep);
        Assert.Equal(1, card.Reps);
        Assert.Equal(0, card.Lapses);
        Assert.Equal(0, card.ElapsedDays);
        Assert.Equal(Now, card.LastReview);
    }

    [Fact]
    public void GoodThroughBothStepsGraduatesToReview()
    {
        var first = _scheduler.Review(CardMemory.New(Now), Grade.Good, Now);
        var second = _scheduler.Review(first, Grade.Good, first.Due);

        Assert.Equal(CardState.Learning, first.State);
        Assert.Equal(CardState.Review, second.State);
        Assert.True(second.ScheduledDays >= 1);
        Assert.Equal(first.Due.AddDays(second.ScheduledDays), second.Due);
    }

    [Fact]
    public void ForgettingAReviewCardCountsALapseAndRelearns()
    {
        var learned = _scheduler.Review(CardMemory.New(Now), Grade.Easy, Now);

        var lapsed = _scheduler.Review(learned, Grade.Again, learned.Due);

        Assert.Equal(CardState.Relearning, lapsed.State);
        Assert.Equal(1, lapsed.Lapses);
        Assert.Equal(learned.Due.AddMinutes(10), lapsed.Due);
        Assert.True(lapsed.Stability < learned.Stability);
    }

    [Fact]
    public void DueIsInUtcWhateverTheOffsetOfTheReviewTime()
    {
        var local = new DateTimeOffset(2025, 3, 1, 11, 30, 0, TimeSpan.FromHours(2));

        var card = _scheduler.Review(CardMemory.New(local), Grade.Good, local);

        Assert.Equal(TimeSpan.Zero, card.Due.Offset);
        Assert.Equal(Now.AddMinutes(10), card.Due);
    }

    [Fact]
    public void AReviewBeforeTheLastOneIsRejected()
    {
        var card = _scheduler.Review(CardMemory.New(Now), Grade.Good, Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.Review(card, Grade.Good, Now.AddSeconds(-1)));
    }

    [Fact]
    public void AnImpossibleMemoryIsRejected()
    {
        var card = CardMemory.New(Now) with { State = CardState.Review, Stability = 5, Difficulty = 0.5, LastReview = Now };

        Assert.Throws<ArgumentException>(() => _scheduler.Review(card, Grade.Good, Now.AddDays(5)));
    }
}
