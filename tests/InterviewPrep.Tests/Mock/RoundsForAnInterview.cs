using System.Globalization;
using System.Net;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Mock;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Mock;

/// <summary>Mock rounds joined to the tracker: the interview's page and the home page.</summary>
public sealed class RoundsForAnInterview : IDisposable
{
    private readonly TestContent _content = TestContent.Sample(theoryQuestions: 6);
    private readonly AppFactory _app;

    public RoundsForAnInterview() => _app = new AppFactory(_content);

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private async Task<int> InterviewAsync(HttpClient client, DateTime? at, bool withChecklist = true)
    {
        var created = await client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
        {
            ["Input.Company"] = "Acme",
            ["Input.Role"] = "MLE",
            ["Input.Date"] = at?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Time"] = at?.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Input.TimeZoneId"] = "UTC",
        });
        var id = int.Parse(created.Location().Split('/')[^1], CultureInfo.InvariantCulture);
        if (withChecklist)
        {
            var category = await _app.QueryAsync(db => db.Categories.Where(c => c.Slug == "practical").Select(c => c.Id).SingleAsync());
            await _app.QueryAsync(async db =>
            {
                db.Interviews.Single(i => i.Id == id).Checklist.Add(new PrepItem { CategoryId = category, Text = "Practical applications", Kind = PrepItemKind.Category });
                return await db.SaveChangesAsync();
            });
        }
        return id;
    }

    [Theory]
    [InlineData(0.6, 80, 70)]
    [InlineData(0.6, null, 60)]
    [InlineData(null, 45, 45)]
    [InlineData(null, null, 0)]
    public void ReadinessIsHalfTheDecksRecallAndHalfTheLatestRounds(double? recall, int? mock, int readiness) =>
        Assert.Equal(readiness, InterviewRoundsViewComponent.Readiness(recall, mock));

    [Fact]
    public async Task TheInterviewPageListsItsRoundsAndCountsTheirScoresInItsReadiness()
    {
        var client = await _app.SignedInClientAsync();
        var interview = await InterviewAsync(client, _app.Clock.GetUtcNow().UtcDateTime.AddDays(10));

        var before = await client.GetDocumentAsync($"/interviews/{interview}");
        Assert.Equal($"/mock?interview={interview}", before.QuerySelector("#mock-rounds a.button")!.GetAttribute("href"));
        Assert.Equal("0%", before.QuerySelector(".readiness-figure")!.TextContent); // a checklist never studied

        var started = await client.SubmitAsync("/mock", new Dictionary<string, string?> { ["Input.Kind"] = "interview", ["Input.InterviewId"] = interview.ToString(CultureInfo.InvariantCulture), ["Input.Length"] = "15" });
        var round = started.Location();
        var answer = await client.GetDocumentAsync(round);
        Assert.Equal("Practical applications", answer.QuerySelector(".question-meta span")!.TextContent);
        await client.SubmitAsync(round, new Dictionary<string, string?> { ["Text"] = "x", ["Mode"] = "typed" }, "form[data-answer-form]");
        var scoring = await client.GetDocumentAsync(round);
        var answerId = scoring.QuerySelector("form.mock-score input[name=AnswerId]")!.GetAttribute("value")!;
        await client.PostAsync(round + "?handler=Score", ("AnswerId", answerId), ("Hits", "0"), ("Hits", "1"), ("Hits", "2"),
            ("Signals[0]", "4"), ("Signals[1]", "4"), ("Signals[2]", "4"), ("Signals[3]", "4"));
        await client.SubmitAsync(round, formSelector: "form.mock-end");

        var after = await client.GetDocumentAsync($"/interviews/{interview}");
        Assert.Equal(round, after.QuerySelector("#mock-rounds li a")!.GetAttribute("href"));
        Assert.Contains("scored 100", after.QuerySelector("#mock-rounds li")!.TextContent, StringComparison.Ordinal);
        // The graded card is now recalled for sure (1 of the deck's 3), and the round scored 100: (33 + 100) / 2.
        Assert.Equal("67%", after.QuerySelector(".readiness-figure")!.TextContent);
    }

    [Fact]
    public async Task AnInterviewWithinTwoWeeksOffersAFifteenMinuteRoundOnTheHomePage()
    {
        var client = await _app.SignedInClientAsync();
        var far = await InterviewAsync(client, _app.Clock.GetUtcNow().UtcDateTime.AddDays(20));
        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector(".dashboard-rehearse"));

        var near = await InterviewAsync(client, _app.Clock.GetUtcNow().UtcDateTime.AddDays(5), withChecklist: false);
        var home = await client.GetDocumentAsync("/");
        var started = await client.SubmitAsync("/", formSelector: "form.dashboard-rehearse");

        Assert.Equal("Rehearse a 15-minute round now", home.QuerySelector(".dashboard-rehearse button")!.TextContent);
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync());
        var round = await _app.QueryAsync(db => db.MockRounds.SingleAsync());
        Assert.Equal((MockKind.Onsite, near, 15), (round.Kind, round.InterviewId!.Value, round.LengthMinutes));
        Assert.NotEqual(far, near);
    }
}
