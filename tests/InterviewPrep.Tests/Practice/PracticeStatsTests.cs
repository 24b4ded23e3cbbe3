using InterviewPrep.Web.Features.Practice;

namespace InterviewPrep.Tests.Practice;

public sealed class ComputingPracticeStats
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void AStreakCountsBackFromTodayOrFromYesterdayWhileTodayIsOpen()
    {
        DateOnly[] days = [Today, Today.AddDays(-1), Today.AddDays(-2), Today.AddDays(-4)];

        Assert.Equal(3, PracticeStats.CurrentStreak(days, Today));
        Assert.Equal(2, PracticeStats.CurrentStreak(days[1..], Today));
        Assert.Equal(0, PracticeStats.CurrentStreak(days[3..], Today));
        Assert.Equal(3, PracticeStats.LongestStreak(days));
    }

    [Fact]
    public void TheHeatmapCoversFiftyThreeWeeksFromAMondayToToday()
    {
        var cells = PracticeStats.Heatmap([(Today, 30), (Today, 15), (Today.AddDays(-10), 200)], Today);

        Assert.Equal(DayOfWeek.Monday, cells[0].Day.DayOfWeek);
        Assert.Equal(Today, cells[^1].Day);
        Assert.Equal(52 * 7 + 3, cells.Count);
        Assert.Equal(45, cells[^1].Minutes);
        Assert.Equal(4, PracticeStats.Level(cells[^11].Minutes));
        Assert.Equal(2, PracticeStats.Level(45));
        Assert.Equal(0, PracticeStats.Level(0));
    }

    [Fact]
    public void MinutesAreSharedEvenlyAmongTheCategoriesOfASession() =>
        Assert.Equal(
            [("Theory", 50), ("Coding", 30)],
            PracticeStats.MinutesPerCategory([(60, ["Theory", "Coding"]), (20, ["Theory"])]));
}
