using System.Net;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Mock;
using InterviewPrep.Web.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Mock;

/// <summary>Whole rounds through the real forms, as a browser without JavaScript would post them.</summary>
public sealed class ARoundThroughForms : IDisposable
{
    private readonly TestContent _content = TestContent.Sample(theoryQuestions: 8);
    private readonly AppFactory _app;

    public ARoundThroughForms() => _app = new AppFactory(_content);

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private static async Task<int> StartAsync(HttpClient client, string kind = "Fundamentals", string length = "15", string scoreAtEnd = "false")
    {
        var started = await client.SubmitAsync("/mock", new Dictionary<string, string?> { ["Input.Kind"] = kind, ["Input.Length"] = length, ["Input.ScoreAtEnd"] = scoreAtEnd });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return int.Parse(started.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, int round, string text, string mode = "typed") =>
        client.SubmitAsync($"/mock/{round}", new Dictionary<string, string?> { ["Text"] = text, ["Mode"] = mode }, "form[data-answer-form]");

    private static async Task<HttpResponseMessage> ScoreAsync(HttpClient client, int round, int[] hits, int[] signals)
    {
        var page = await client.GetDocumentAsync($"/mock/{round}");
        var answerId = page.QuerySelector("form.mock-score input[name=AnswerId]")!.GetAttribute("value")!;
        var fields = new List<(string, string)> { ("AnswerId", answerId) };
        fields.AddRange(hits.Select(h => ("Hits", h.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange(signals.Select((s, i) => ($"Signals[{i}]", s.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.PostAsync($"/mock/{round}?handler=Score", [.. fields]);
    }

    [Fact]
    public async Task ARoundIsAnsweredScoredAndReportedAndFeedsTheFlashcardsAndThePracticeLog()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client);

        var first = await client.GetDocumentAsync($"/mock/{round}");
        Assert.Equal("Question 1 of 3", first.QuerySelector(".mock-clock-label")!.TextContent);
        Assert.Equal("5:00", first.QuerySelector(".mock-clock-time")!.TextContent);
        Assert.Null(first.QuerySelector("#key-points, .key-point")); // the rubric stays hidden while answering

        _app.Clock.Advance(TimeSpan.FromMinutes(6)); // over this question's five minutes: shown, never cut off
        var late = await client.GetDocumentAsync($"/mock/{round}");
        Assert.Equal("-1:00", late.QuerySelector(".mock-clock-time")!.TextContent);
        Assert.Contains("is-over", late.QuerySelector(".mock-clock-time")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, round, "Overfitting is memorising noise.")).StatusCode);

        var scoring = await client.GetDocumentAsync($"/mock/{round}");
        Assert.Equal("Overfitting is memorising noise.", scoring.QuerySelector(".mock-typed")!.TextContent);
        Assert.Equal(["Defines the term in one sentence.", "Gives a concrete example.", "Names a way to detect it."], scoring.Texts(".key-point span"));
        Assert.Equal(4, scoring.QuerySelectorAll(".signal-scale").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(client, round, [0, 2], [3, 3, 2, 2])).StatusCode);

        for (var i = 0; i < 2; i++)
        {
            await client.GetDocumentAsync($"/mock/{round}"); // the question's clock starts when it is shown
            _app.Clock.Advance(TimeSpan.FromMinutes(2));
            await AnswerAsync(client, round, "", mode: "outloud");
            await ScoreAsync(client, round, [0, 1, 2], [4, 4, 4, 4]);
        }

        var report = await client.GetDocumentAsync($"/mock/{round}");
        Assert.Equal("Round report", report.QuerySelector("h1")!.TextContent);
        Assert.Equal(3, report.QuerySelectorAll(".mock-report tbody tr").Length);
        Assert.Equal(["58", "100", "100"], report.Texts(".mock-report tbody td:last-child"));
        // Each signal's mean over the three answers: (3 + 4 + 4) / 3 and (2 + 4 + 4) / 3.
        Assert.Equal(["Correctness3.7 / 4", "Depth and trade-offs3.7 / 4", "Structure and clarity3.3 / 4", "Examples from experience3.3 / 4"],
            report.QuerySelectorAll(".signal-summary > div").Select(d => d.TextContent.Trim()));
        Assert.Equal("6:00 / 5:00", report.QuerySelector(".mock-report tbody td.is-over")!.TextContent);
        // Study next: the weak answer's question, gone over in cram mode.
        var study = report.QuerySelector(".mock-next a[href*='cram=1']")!.GetAttribute("href")!;
        var cram = await client.GetDocumentAsync(study);
        Assert.Equal(report.QuerySelector(".mock-next li a")!.TextContent, cram.QuerySelector("#card-front")!.TextContent);
        Assert.Contains("Card 1 of 1", cram.QuerySelector(".review-progress")!.TextContent, StringComparison.Ordinal);

        var (logs, session, finished) = await _app.QueryAsync(async db => (
            await db.ReviewLogs.Where(l => l.Deck == $"mock:{round}").Select(l => l.Grade).ToListAsync(),
            await db.PracticeSessions.Include(p => p.Categories).SingleAsync(p => p.Kind == PracticeKind.MockInterview),
            await db.MockRounds.Where(r => r.Id == round).Select(r => r.FinishedAtUtc != null && r.PracticeSessionId != null).SingleAsync()));
        // (2/3 + 0.5) / 2 = 58: Hard; the two perfect answers: Easy.
        Assert.Equal([InterviewPrep.Web.Features.Flashcards.Scheduling.Grade.Hard, InterviewPrep.Web.Features.Flashcards.Scheduling.Grade.Easy, InterviewPrep.Web.Features.Flashcards.Scheduling.Grade.Easy], logs);
        Assert.Equal(10, session.DurationMinutes);
        Assert.NotEmpty(session.Categories);
        Assert.True(finished);
        Assert.Equal("/mock/" + round, (await client.GetDocumentAsync("/mock/history")).QuerySelector(".deck-table tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AMockGradeCanBeUndoneOnTheReviewPageLikeAnyGrade()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client);
        await AnswerAsync(client, round, "An answer");
        await ScoreAsync(client, round, [0], [2, 2, 2, 2]);
        var logId = await _app.QueryAsync(db => db.ReviewLogs.Where(l => l.Deck == $"mock:{round}").Select(l => l.Id).SingleAsync());

        var review = await client.GetDocumentAsync("/flashcards/review?deck=all");
        var undo = (AngleSharp.Html.Dom.IHtmlFormElement)review.QuerySelector("form[data-undo-form]")!;
        Assert.Equal(logId.ToString(System.Globalization.CultureInfo.InvariantCulture), undo.QuerySelector("input[name=logId]")!.GetAttribute("value"));
        await client.SubmitAsync(undo, "/flashcards/review?deck=all");

        Assert.True(await _app.QueryAsync(db => db.ReviewLogs.AnyAsync(l => l.UndoesId == logId)));
    }

    [Fact]
    public async Task ADraftIsKeptOnTheServerSoAReloadShowsIt()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client);
        var page = await client.GetDocumentAsync($"/mock/{round}");
        var answerId = page.QuerySelector("form[data-answer-form] input[name=AnswerId]")!.GetAttribute("value")!;
        var token = page.QuerySelector("form[data-answer-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // What mock.js sends as the candidate types: the answer form's fields with the text so far.
        Task<HttpResponseMessage> DraftAsync(string text) => client.PostAsync(new Uri($"/mock/{round}?handler=Draft", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("AnswerId", answerId), new("Text", text)]));

        var saved = await DraftAsync("Half a thought");
        var reloaded = await client.GetDocumentAsync($"/mock/{round}");

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("Half a thought", reloaded.QuerySelector("textarea[name=Text]")!.TextContent);
        await AnswerAsync(client, round, "The whole thought");
        var late = await DraftAsync("overwrite");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("The whole thought", await _app.QueryAsync(db => db.Set<MockAnswer>().Where(a => a.Id == int.Parse(answerId, System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Text).SingleAsync()));
    }

    [Fact]
    public async Task ATooLongAnswerIsRefusedNextToTheFieldAndKept()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client);
        var text = new string('x', MockRounds.MaxAnswerLength + 1);

        var response = await AnswerAsync(client, round, text);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("limited to 50,000 characters", page.FieldError("Text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, page.QuerySelector("textarea[name=Text]")!.TextContent);
        Assert.Null(await _app.QueryAsync(db => db.Set<MockAnswer>().Where(a => a.RoundId == round && a.Position == 0).Select(a => a.SubmittedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task AScoreWithoutEverySignalIsRefusedAndTheTicksAreKept()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client);
        await AnswerAsync(client, round, "An answer");

        var response = await ScoreAsync(client, round, [1], [3, 0, 2, 2]);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Rate depth and trade-offs from 1 to 4.", page.QuerySelector("#signal-1-error")!.TextContent);
        Assert.Equal("1", page.QuerySelector("input[name=Hits]:checked")!.GetAttribute("value"));
        Assert.Equal("3", page.QuerySelector("input[name='Signals[0]']:checked")!.GetAttribute("value"));
        Assert.False(await _app.QueryAsync(db => db.ReviewLogs.AnyAsync()));
    }

    [Fact]
    public async Task ScoringAtTheEndAsksEveryAnswerFirstAndEndingEarlySkipsTheRest()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client, scoreAtEnd: "true");

        await AnswerAsync(client, round, "First");
        var second = await client.GetDocumentAsync($"/mock/{round}");
        Assert.Equal("Question 2 of 3", second.QuerySelector(".mock-clock-label")!.TextContent);
        await client.SubmitAsync($"/mock/{round}", formSelector: "form.mock-end");

        var scoring = await client.GetDocumentAsync($"/mock/{round}");
        Assert.Equal("First", scoring.QuerySelector(".mock-typed")!.TextContent);
        await ScoreAsync(client, round, [0], [2, 2, 2, 2]);
        var report = await client.GetDocumentAsync($"/mock/{round}");

        Assert.Equal("Round report", report.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, report.QuerySelectorAll(".mock-report tbody tr .muted").Count(e => e.TextContent == "(skipped)"));
        Assert.Equal(1, await _app.QueryAsync(db => db.PracticeSessions.CountAsync(p => p.Kind == PracticeKind.MockInterview)));
    }

    [Fact]
    public async Task AnInterviewsRoundTakesItsChecklistFirst()
    {
        var client = await _app.SignedInClientAsync();
        var created = await client.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Acme", ["Input.Role"] = "MLE" });
        var interview = int.Parse(created.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var question = await _app.QueryAsync(db => db.Questions.Where(q => q.Slug == "confusion-matrix").Select(q => q.Id).SingleAsync());
        await _app.QueryAsync(async db =>
        {
            db.Interviews.Single(i => i.Id == interview).Checklist.Add(new InterviewPrep.Web.Features.Interviews.PrepItem { QuestionId = question, Text = "Confusion matrix", Kind = InterviewPrep.Web.Features.Interviews.PrepItemKind.Question });
            return await db.SaveChangesAsync();
        });

        var form = await client.GetDocumentAsync($"/mock?interview={interview}");
        Assert.Equal("interview", form.QuerySelector("input[name='Input.Kind']:checked")!.GetAttribute("value"));
        var round = await StartAsync(client, kind: "interview");
        var page = await client.GetDocumentAsync($"/mock/{round}");

        Assert.Equal("How do you read a confusion matrix?", page.QuerySelector("#question-title")!.TextContent);
        Assert.Contains("For Acme", page.QuerySelector(".breadcrumbs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([interview], await _app.QueryAsync(db => db.MockRounds.Select(r => r.InterviewId!.Value).ToListAsync()));
    }

    [Fact]
    public async Task RoundsAreInTheAccountExportAndGoWithTheAccount()
    {
        var client = await _app.SignedInClientAsync();
        var round = await StartAsync(client);
        await AnswerAsync(client, round, "My exported answer");
        var other = await _app.SignedInClientAsync();
        await StartAsync(other);

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/account/export", UriKind.Relative)));
        var rounds = json.RootElement.GetProperty("mockRounds");
        Assert.Equal(1, rounds.GetArrayLength());
        var answer = rounds[0].GetProperty("answers")[0];
        Assert.Equal("My exported answer", answer.GetProperty("text").GetString());
        Assert.Equal("Typed", answer.GetProperty("mode").GetString());

        var deleted = await client.SubmitAsync("/account/delete", new Dictionary<string, string?> { ["Password"] = Users.Password });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(1, await _app.QueryAsync(db => db.MockRounds.CountAsync()));
        Assert.Equal(3, await _app.QueryAsync(db => db.Set<MockAnswer>().CountAsync()));
    }

    [Fact]
    public async Task AnotherUsersRoundAnswers404AndStaysAsItWas()
    {
        var owner = await _app.SignedInClientAsync();
        var round = await StartAsync(owner);
        var page = await owner.GetDocumentAsync($"/mock/{round}");
        var answerId = page.QuerySelector("form[data-answer-form] input[name=AnswerId]")!.GetAttribute("value")!;
        var intruder = await _app.SignedInClientAsync();
        var token = (await intruder.GetDocumentAsync("/mock")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri($"/mock/{round}", UriKind.Relative))).StatusCode);
        foreach (var handler in new[] { "Draft", "Submit", "Score", "End" })
        {
            var response = await intruder.PostAsync(new Uri($"/mock/{round}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("AnswerId", answerId), new("Text", "Forged"), new("Mode", "typed"), new("Hits", "0"),
                 new("Signals[0]", "4"), new("Signals[1]", "4"), new("Signals[2]", "4"), new("Signals[3]", "4")]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<MockAnswer>().CountAsync(a => a.RoundId == round && (a.SubmittedAtUtc != null || a.Text != ""))));
    }
}
