using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class ChoosingParameters
{
    [Fact]
    public void TheDefaultsAreThoseOfTsFsrs()
    {
        var defaults = FsrsParameters.Default;

        Assert.Equal(0.9, defaults.DesiredRetention);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)], defaults.LearningSteps);
        Assert.Equal([TimeSpan.FromMinutes(10)], defaults.RelearningSteps);
        Assert.Equal(36500, defaults.MaximumInterval);
        Assert.True(defaults.EnableShortTerm);
        Assert.Equal(21, defaults.Weights.Count);
        Assert.Equal(0.1542, defaults.Weights[20]);
    }

    [Theory]
    [InlineData(0.70)]
    [InlineData(0.85)]
    [InlineData(0.97)]
    public void ADesiredRetentionFrom70To97PercentIsAccepted(double retention)
    {
        var parameters = FsrsParameters.Default with { DesiredRetention = retention };

        Assert.Equal(retention, new FsrsScheduler(parameters).Parameters.DesiredRetention);
    }

    [Theory]
    [InlineData(0.69)]
    [InlineData(0.98)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(double.NaN)]
    public void AnyOtherDesiredRetentionIsRejected(double retention)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FsrsParameters.Default with { DesiredRetention = retention });

        Assert.Equal(nameof(FsrsParameters.DesiredRetention), error.ParamName);
    }

    [Fact]
    public void AHigherDesiredRetentionGivesShorterIntervals()
    {
        var now = new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);
        int GoodAfterEasy(double retention)
        {
            var scheduler = new FsrsScheduler(FsrsParameters.Default with { DesiredRetention = retention, EnableFuzz = false });
            var card = scheduler.Review(CardMemory.New(now), Grade.Easy, now);
            return scheduler.Review(card, Grade.Good, card.Due).ScheduledDays;
        }

        Assert.True(GoodAfterEasy(0.95) < GoodAfterEasy(0.9));
        Assert.True(GoodAfterEasy(0.9) < GoodAfterEasy(0.8));
    }

    [Fact]
    public void WeightsMustBeTwentyOneFiniteNumbers()
    {
        Assert.Throws<ArgumentException>(() => FsrsParameters.Default with { Weights = [.. FsrsParameters.DefaultWeights.Take(19)] });
        Assert.Throws<ArgumentException>(() => FsrsParameters.Default with
        {
            Weights = [.. FsrsParameters.DefaultWeights.Take(20), double.PositiveInfinity],
        });
    }

    [Fact]
    public void StepsMustBeWholeMinutes()
    {
        Assert.Throws<ArgumentException>(() => FsrsParameters.Default with { LearningSteps = [TimeSpan.FromSeconds(30)] });
        Assert.Throws<ArgumentException>(() => FsrsParameters.Default with { RelearningSteps = [TimeSpan.Zero] });
    }

    [Fact]
    public void ChangingTheWeightsGivenDoesNotChangeTheParameters()
    {
        var weights = FsrsParameters.DefaultWeights.ToArray();
        var parameters = FsrsParameters.Default with { Weights = weights };

        weights[0] = 99;

        Assert.Equal(0.212, parameters.Weights[0]);
    }
}
