using Bunit;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Practice;

namespace InterviewPrep.Tests.Components;

public sealed class PracticeHeatmapRendering : BunitContext
{
    [Fact]
    public void DrawsOneSquarePerDayWithATitleAndATextSummary()
    {
        var today = new DateOnly(2026, 11, 25);
        var days = PracticeStats.Heatmap([(today, 45), (today.AddDays(-1), 130)], today);

        var heatmap = Render<PracticeHeatmap>(p => p.Add(h => h.Days, days));

        Assert.Equal(days.Count, heatmap.FindAll("svg[role=img] rect").Count);
        Assert.Equal("2 days with practice, 175 minutes in all.", heatmap.Find("desc").TextContent);
        Assert.Equal("Wed 25 Nov 2026: 45 min", heatmap.FindAll("svg[role=img] rect")[^1].QuerySelector("title")!.TextContent);
        Assert.Equal("heat-4", heatmap.FindAll("svg[role=img] rect")[^2].GetAttribute("class"));
        Assert.Contains("Nov", heatmap.FindAll("text.heatmap-label").Select(t => t.TextContent));
    }

    [Fact]
    public void DrawsTheWeeksUpToTheLastUpcomingInterviewWithItsDayMarked()
    {
        var today = new DateOnly(2026, 11, 25); // a Wednesday
        var days = PracticeStats.Heatmap([(today, 45)], today);

        var heatmap = Render<PracticeHeatmap>(p => p.Add(h => h.Days, days).Add(h => h.Upcoming, [(new DateOnly(2026, 12, 10), "Acme")]));

        var ahead = heatmap.FindAll("svg[role=img] rect.heat-ahead");
        // Thursday 26 November to Sunday 13 December: the rest of this week and two more.
        Assert.Equal(18, ahead.Count);
        var interview = Assert.Single(heatmap.FindAll("svg[role=img] rect.heat-interview"));
        Assert.Equal("Thu 10 Dec 2026: interview: Acme", interview.QuerySelector("title")!.TextContent);
        Assert.EndsWith("Upcoming: Acme on 10 Dec.", heatmap.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Contains("Dec", heatmap.FindAll("text.heatmap-label").Select(t => t.TextContent));
    }
}

public sealed class MinutesChartRendering : BunitContext
{
    [Fact]
    public void DrawsABarPerCategoryScaledToTheLargest()
    {
        var chart = Render<MinutesChart>(p => p.Add(c => c.Rows, [("Theory", 120), ("Coding", 30)]));

        var bars = chart.FindAll("rect.bar");
        Assert.Equal(["300", "75"], bars.Select(b => b.GetAttribute("width")));
        Assert.Equal(["Theory 120 min", "Coding 30 min"], chart.FindAll("li.bar-row").Select(r => $"{r.QuerySelector(".bar-label")!.TextContent} {r.QuerySelector(".bar-value")!.TextContent}"));
        Assert.Equal("Minutes of practice per category", chart.Find("figcaption").TextContent);
    }

    [Fact]
    public void SaysSoWhenThereIsNothingToDraw() =>
        Assert.Equal("No categories logged yet.", Render<MinutesChart>(p => p.Add(c => c.Rows, [])).Find("p").TextContent);
}

public sealed class StageTimelineRendering : BunitContext
{
    [Fact]
    public void ListsEachChangeInLocalTimeAndMarksTheCurrentStage()
    {
        List<StageChange> history =
        [
            new() { Stage = InterviewStage.Applied, ChangedAtUtc = new DateTime(2026, 1, 10, 8, 0, 0, DateTimeKind.Utc) },
            new() { Stage = InterviewStage.RecruiterScreen, ChangedAtUtc = new DateTime(2026, 7, 10, 8, 0, 0, DateTimeKind.Utc) },
        ];

        var timeline = Render<StageTimeline>(p => p.Add(t => t.History, history).Add(t => t.TimeZoneId, "Europe/Berlin"));

        Assert.Equal(["Applied", "Recruiter screen"], timeline.FindAll(".timeline-stage").Select(e => e.TextContent));
        Assert.Equal(["10 Jan 2026, 09:00", "10 Jul 2026, 10:00"], timeline.FindAll(".timeline-date").Select(e => e.TextContent));
        Assert.Contains("timeline-current", timeline.FindAll(".timeline-item")[1].ClassName, StringComparison.Ordinal);
    }
}
