using Bunit;
using InterviewPrep.Web.Features.Flashcards;

namespace InterviewPrep.Tests.Components;

public sealed class DayBarsRendering : BunitContext
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void DrawsABarPerDayScaledToTheBusiestAndSaysTheNumbersInWords()
    {
        var days = Enumerable.Range(0, 14).Select(i => new DayCount(Today.AddDays(i - 13), i == 13 ? 40 : i == 6 ? 10 : 0)).ToList();

        var chart = Render<DayBars>(p => p.Add(c => c.Id, "reviews").Add(c => c.Title, "Reviews per day").Add(c => c.Unit, "reviews").Add(c => c.Days, days));

        var bars = chart.FindAll("rect.day-bar");
        Assert.Equal(14, bars.Count);
        Assert.Equal("0", bars[0].GetAttribute("height"));
        Assert.Equal("110", bars[13].GetAttribute("height"));
        Assert.Equal("28", bars[6].GetAttribute("height"));
        Assert.Equal("10 Mar: 40 reviews", bars[13].QuerySelector("title")!.TextContent);
        Assert.Equal("reviews-title reviews-desc", chart.Find("svg").GetAttribute("aria-labelledby"));
        Assert.Equal("50 reviews on 2 of 14 days, from 25 Feb to 10 Mar; the most, 40, on 10 Mar.", chart.Find("desc").TextContent);
        Assert.Equal(["40", "25 Feb", "4 Mar"], chart.FindAll(".day-bars-label").Select(t => t.TextContent));
        Assert.Equal("left: 50%", chart.FindAll(".day-bars-dates li")[1].GetAttribute("style"));
    }

    [Fact]
    public void SaysSoWhenThereIsNothing()
    {
        var chart = Render<DayBars>(p => p.Add(c => c.Id, "f").Add(c => c.Title, "Due").Add(c => c.Unit, "cards due")
            .Add(c => c.Days, [new DayCount(Today, 0), new DayCount(Today.AddDays(1), 0)]));

        Assert.Equal("None in these 2 days.", chart.Find("desc").TextContent);
        Assert.All(chart.FindAll("rect.day-bar"), r => Assert.Equal("0", r.GetAttribute("height")));
    }
}

public sealed class StateBarRendering : BunitContext
{
    [Fact]
    public void SplitsTheBarByShareAndListsEveryCount()
    {
        var bar = Render<StateBar>(p => p.Add(c => c.Parts, [("new", "New", 30), ("learning", "Learning", 0), ("review", "Review", 10), ("relearning", "Relearning", 0), ("suspended", "Suspended", 0)]));

        Assert.Equal("450", bar.Find("rect.state-part-new").GetAttribute("width"));
        Assert.Equal("450", bar.Find("rect.state-part-review").GetAttribute("x"));
        Assert.Equal("150", bar.Find("rect.state-part-review").GetAttribute("width"));
        Assert.Empty(bar.FindAll("rect.state-part-learning"));
        Assert.Equal("Cards by state: New 30, Learning 0, Review 10, Relearning 0, Suspended 0", bar.Find("title").TextContent);
        Assert.Equal(["New 30", "Learning 0", "Review 10", "Relearning 0", "Suspended 0"], bar.FindAll(".state-legend li").Select(li => li.TextContent.Trim()));
    }
}

public sealed class RetrievabilityBarsRendering : BunitContext
{
    [Fact]
    public void DrawsEachRowInOrderWithItsPercentAndMarksTheWeakOnes()
    {
        var chart = Render<RetrievabilityBars>(p => p.Add(c => c.Id, "cat").Add(c => c.Title, "Recall per category")
            .Add(c => c.Rows, [("Statistics, probability and math", 0.25), ("Theory", 0.9)]));

        var bars = chart.FindAll(".recall-bar");
        Assert.Equal("width: 25%", bars[0].GetAttribute("style"));
        Assert.Contains("recall-weak", bars[0].ClassName, StringComparison.Ordinal);
        Assert.Equal("width: 90%", bars[1].GetAttribute("style"));
        Assert.DoesNotContain("recall-weak", bars[1].ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal(["Statistics, probability and math", "25%", "Theory", "90%"], chart.FindAll(".recall-label, .recall-value").Select(t => t.TextContent));
        Assert.Equal("Recall per category", chart.Find("ul").GetAttribute("aria-label"));
    }

    [Fact]
    public void ShowsTheEmptyMessageWithoutRows()
    {
        var chart = Render<RetrievabilityBars>(p => p.Add(c => c.Id, "x").Add(c => c.Title, "t").Add(c => c.Rows, []).Add(c => c.Empty, "No interviews."));

        Assert.Equal("No interviews.", chart.Find("p.muted").TextContent);
    }
}
