using Bunit;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Mock;

namespace InterviewPrep.Tests.Mock;

public sealed class ScoringAMockAnswer
{
    [Theory]
    [InlineData(4, 4, new[] { 4, 4, 4, 4 }, 100)]
    [InlineData(0, 4, new[] { 1, 1, 1, 1 }, 0)]
    [InlineData(2, 4, new[] { 3, 3, 2, 2 }, 50)] // half the points (0.5) and signals of 2.5 (0.5)
    [InlineData(3, 5, new[] { 4, 3, 3, 2 }, 63)] // (0.6 + 0.667) / 2
    [InlineData(0, 0, new[] { 4, 4, 1, 1 }, 50)] // no key points: the signals alone
    public void HalfKeyPointsCoveredHalfSignals(int hit, int count, int[] signals, int score) =>
        Assert.Equal(score, MockScoring.Score(hit, count, signals));

    [Theory]
    [InlineData(0, Grade.Again)]
    [InlineData(34, Grade.Again)]
    [InlineData(35, Grade.Hard)]
    [InlineData(59, Grade.Hard)]
    [InlineData(60, Grade.Good)]
    [InlineData(84, Grade.Good)]
    [InlineData(85, Grade.Easy)]
    [InlineData(100, Grade.Easy)]
    public void AScoreBecomesAFlashcardGrade(int score, Grade grade) => Assert.Equal(grade, MockScoring.GradeFor(score));

    [Fact]
    public void TickedKeyPointsAreKeptToTheListEachOnce() =>
        Assert.Equal([0, 2], MockScoring.ValidHits([2, 0, 2, 7, -1], keyPointCount: 3));

    [Fact]
    public void StoredHitsReadBack() =>
        Assert.Equal([1, 3], MockScoring.ParseHits(MockScoring.FormatHits([1, 3])));

    [Theory]
    [InlineData("coding", "A working solution")]
    [InlineData("system-design", "Requirements and metrics")]
    [InlineData("behavioral", "Situation and stakes")]
    [InlineData("genai", "Correctness")]
    public void TheSignalsDependOnTheKindOfQuestion(string category, string first) =>
        Assert.Equal(first, Rubric.For(category).Signals[0].Name);
}

public sealed class MockComponentRendering : BunitContext
{
    [Theory]
    [InlineData(245, "4:05", "left", false)]
    [InlineData(-90, "-1:30", "over time", true)]
    public void TheClockShowsTimeLeftOrHowFarOver(int seconds, string shown, string note, bool over)
    {
        var clock = Render<MockClock>(p => p.Add(c => c.Label, "Round").Add(c => c.Seconds, seconds));

        var time = clock.Find("time");
        Assert.Equal(shown, time.TextContent);
        Assert.Equal(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), time.GetAttribute("data-countdown"));
        Assert.Equal(over, time.ClassList.Contains("is-over"));
        Assert.Equal(note, clock.Find(".mock-clock-note").TextContent);
    }

    [Fact]
    public void TheSignalScaleOffersFourLevelsWithTheirDescriptionsAndKeepsTheChoice()
    {
        var signal = Rubric.Coding.Signals[1];
        var scale = Render<SignalScale>(p => p.Add(s => s.Signal, signal).Add(s => s.Index, 1).Add(s => s.Chosen, 3).Add(s => s.Error, "Rate complexity from 1 to 4."));

        Assert.Equal("Complexity", scale.Find("legend").TextContent);
        var radios = scale.FindAll("input[type=radio]");
        Assert.Equal(["1", "2", "3", "4"], radios.Select(r => r.GetAttribute("value")));
        Assert.All(radios, r => Assert.Equal("Signals[1]", r.GetAttribute("name")));
        Assert.Equal("3", scale.Find("input:checked").GetAttribute("value"));
        Assert.Equal(signal.Level4, scale.FindAll(".signal-text")[3].TextContent);
        Assert.Equal("Rate complexity from 1 to 4.", scale.Find("#signal-1-error").TextContent);
    }

    [Fact]
    public void TheTrendDrawsAPointPerRoundAndSaysTheRangeInWords()
    {
        var chart = Render<ScoreTrend>(p => p.Add(c => c.Points, [("1 Dec", 40), ("3 Dec", 55), ("6 Dec", 80)]));

        Assert.Equal(3, chart.FindAll("circle").Count);
        Assert.Equal(3, chart.Find("polyline").GetAttribute("points")!.Split(' ').Length);
        Assert.Equal("Scores of 3 rounds, from 40 on 1 Dec to 80 on 6 Dec", chart.Find("svg").GetAttribute("aria-label"));
        // A higher score is drawn higher: a smaller y.
        var ys = chart.FindAll("circle").Select(c => double.Parse(c.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2]);
    }

    [Fact]
    public void NoRoundsNoChart() =>
        Assert.Empty(Render<ScoreTrend>(p => p.Add(c => c.Points, [])).FindAll("svg"));
}
