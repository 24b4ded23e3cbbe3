using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Infrastructure;

namespace InterviewPrep.Tests.Interviews;

public sealed class ConvertingLocalTimes
{
    [Fact]
    public void AWinterAndASummerTimeConvertWithTheirOwnOffsets()
    {
        Assert.Equal(new DateTime(2026, 1, 15, 14, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 1, 15, 9, 0, 0), "America/New_York"));
        Assert.Equal(new DateTime(2026, 7, 15, 13, 0, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 7, 15, 9, 0, 0), "America/New_York"));
    }

    [Fact]
    public void TheHourSkippedWhenClocksGoForwardDoesNotExist() =>
        Assert.Null(TimeZones.ToUtc(new DateTime(2026, 3, 8, 2, 30, 0), "America/New_York"));

    [Fact]
    public void TheRepeatedHourWhenClocksGoBackIsTheFirstOne() =>
        Assert.Equal(new DateTime(2026, 11, 1, 5, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 11, 1, 1, 30, 0), "America/New_York"));

    [Fact]
    public void AnInterviewAcrossTheChangeKeepsItsWallClockTime()
    {
        var before = TimeZones.ToUtc(new DateTime(2026, 3, 28, 10, 0, 0), "Europe/Berlin")!.Value;
        var after = TimeZones.ToUtc(new DateTime(2026, 3, 30, 10, 0, 0), "Europe/Berlin")!.Value;

        Assert.Equal(TimeSpan.FromHours(47), after - before);
        Assert.Equal(10, TimeZones.ToLocal(after, "Europe/Berlin").Hour);
    }

    [Theory]
    [InlineData(0, 30, "in 30 minutes")]
    [InlineData(5, 0, "in 5 hours")]
    [InlineData(72, 0, "in 3 days")]
    [InlineData(-24, 0, "1 day ago")]
    [InlineData(0, 0, "now")]
    public void ACountdownSaysHowFarAwayInWords(int hours, int minutes, string expected)
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, Countdown.Describe(now.UtcDateTime.AddHours(hours).AddMinutes(minutes), now));
    }
}

public sealed class RecordingStages
{
    [Fact]
    public void OnlyAChangedStageIsAppendedToTheHistory()
    {
        var renderer = new MarkdownRenderer();
        var interview = new Interview { UserId = "u", Company = "", Role = "" };
        var form = new InterviewForm { Company = "Acme", Role = "MLE", Stage = InterviewStage.Applied };
        var t0 = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        form.ApplyTo(interview, renderer, t0);
        form.ApplyTo(interview, renderer, t0.AddDays(1));
        form.Stage = InterviewStage.Onsite;
        form.ApplyTo(interview, renderer, t0.AddDays(2));

        Assert.Equal([(InterviewStage.Applied, t0), (InterviewStage.Onsite, t0.AddDays(2))], interview.StageHistory.Select(s => (s.Stage, s.ChangedAtUtc)));
        Assert.Equal(3, interview.Version);
    }
}
