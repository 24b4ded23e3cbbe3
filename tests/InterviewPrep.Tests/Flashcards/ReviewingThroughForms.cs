using InterviewPrep.Web.Data.Sqlite;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Practice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Flashcards;

public sealed class FlashcardFixture : IDisposable
{
    public TestContent Content { get; } = TestContent.Sample();
    public AppFactory App { get; }

    public FlashcardFixture() => App = new AppFactory(Content);

    public void Dispose()
    {
        App.Dispose();
        Content.Dispose();
    }
}

/// <summary>Helpers for walking the review page the way a browser without JavaScript does.</summary>
internal static class Reviewing
{
    public static async Task<(HttpClient Client, string UserId)> UserAsync(this AppFactory app)
    {
        var email = $"fc-{Guid.NewGuid():N}@example.com";
        var client = await app.SignedInClientAsync(email);
        var id = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());
        return (client, id);
    }

    /// <summary>Opens the review, follows "Show answer", and returns the page with the grade form.</summary>
    public static async Task<(IDocument Page, string Url)> RevealAsync(this HttpClient client, string deck = "all")
    {
        var question = await client.GetDocumentAsync($"/flashcards/review?deck={deck}");
        var reveal = question.QuerySelector("a[data-reveal]")?.GetAttribute("href")
            ?? throw new InvalidOperationException("No card to reveal:\n" + question.QuerySelector("main")?.TextContent);
        return (await client.GetDocumentAsync(reveal), reveal);
    }

    public static IHtmlFormElement GradeForm(this IDocument page) => (IHtmlFormElement)page.QuerySelector("form[data-grade-form]")!;

    /// <summary>The card a grade form names; a bank question never graded names its question instead (see <see cref="QuestionId"/>).</summary>
    public static int CardId(this IDocument page) => int.Parse(page.GradeForm().QuerySelector("input[name=cardId]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bank question a grade form names when the user has no card of it yet; null when it names a card.</summary>
    public static int? QuestionId(this IDocument page) =>
        page.GradeForm().QuerySelector("input[name=questionId]")?.GetAttribute("value") is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The user's card a grade form is about: the card it names, or the card its question got from its first grade (null before one).</summary>
    public static Task<Flashcard?> FormCardAsync(this AppFactory app, string userId, IDocument page) => page.QuestionId() is { } question
        ? app.QueryAsync(db => db.Flashcards.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.QuestionId == question))
        : app.QueryAsync<Flashcard?>(async db => await db.Flashcards.AsNoTracking().FirstAsync(c => c.Id == page.CardId()));

    /// <summary>A showing as the review log can be matched to it: a card and its version, or a user's first grade of a question.</summary>
    public static string Showing(this IHtmlFormElement form, string email) => form.QuerySelector("input[name=questionId]")?.GetAttribute("value") is { } question
        ? $"question:{email}:{question}"
        : $"card:{form.QuerySelector("input[name=cardId]")!.GetAttribute("value")}:{form.QuerySelector("input[name=version]")!.GetAttribute("value")}";

    /// <summary>The SQL that names each review in the log the way <see cref="Showing"/> names the showing it graded.</summary>
    public const string LoggedShowings = """
        SELECT CASE WHEN l."CardVersion" = 0 AND c."QuestionId" IS NOT NULL THEN 'question:' || u."Email" || ':' || c."QuestionId"
                    ELSE 'card:' || l."FlashcardId" || ':' || l."CardVersion" END AS "Value"
        FROM "ReviewLogs" l JOIN "Flashcards" c ON c."Id" = l."FlashcardId" JOIN "AspNetUsers" u ON u."Id" = l."UserId" WHERE l."Kind" = 'Review'
        """;

    /// <summary>
    /// The card of the question a page shows, made now if the user has none (as burying it would), for a test that
    /// changes the card before grading it.
    /// </summary>
    public static async Task<int> ShownCardIdAsync(this AppFactory app, string userId, IDocument page)
    {
        if (page.QuestionId() is not { } question)
        {
            return page.CardId();
        }
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<FlashcardLibrary>().CardForQuestionAsync(userId, question, default)).Id;
    }

    public static Task<HttpResponseMessage> GradeAsync(this HttpClient client, IDocument page, string url, string grade) =>
        client.SubmitAsync(page.GradeForm(), url, new Dictionary<string, string?> { ["grade"] = grade });

    public static Task<int> ReviewCountAsync(this AppFactory app, string userId) =>
        app.QueryAsync(db => db.ReviewLogs.CountAsync(l => l.UserId == userId && l.Kind == ReviewKind.Review));

    public static Task<Flashcard> CardAsync(this AppFactory app, int id) =>
        app.QueryAsync(db => db.Flashcards.AsNoTracking().FirstAsync(c => c.Id == id));
}

public sealed class ReviewingThroughForms(FlashcardFixture fixture) : IClassFixture<FlashcardFixture>
{
    private readonly AppFactory _app = fixture.App;

    [Fact]
    public async Task TheQuestionThenTheAnswerThenAGradeThenTheNextCard()
    {
        var (client, userId) = await _app.UserAsync();

        var question = await client.GetDocumentAsync("/flashcards/review?deck=all");
        Assert.NotNull(question.QuerySelector("[data-back][hidden]"));
        Assert.NotNull(question.QuerySelector("form[data-grade-form][hidden]"));
        var front = question.QuerySelector("#card-front")!.TextContent;

        var (page, url) = await client.RevealAsync();
        Assert.Equal(front, page.QuerySelector("#card-front")!.TextContent);
        Assert.Null(await _app.FormCardAsync(userId, page)); // looking writes nothing: the first grade makes the card
        Assert.Null(page.QuerySelector("[data-back][hidden]"));
        // The example answer and the key points first; the model answer, an article's length, folded behind them.
        Assert.Equal(["Example answer", "Key points"], page.Texts(".flashcard-back > section.flashcard-section > h3"));
        Assert.Equal(["Answer", "How to answer it"], page.Texts("details[data-full-answer]:not([open]) .flashcard-section h3"));
        Assert.Equal("Show the full answer", page.QuerySelector("details[data-full-answer] > summary")!.TextContent);
        // A button's name is what is not hidden from assistive technology; its guide is its description.
        var buttons = page.QuerySelectorAll(".grade-button").ToList();
        var labels = buttons.Select(b => string.Join(' ', b.Children.Where(c => c.GetAttribute("aria-hidden") != "true").Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Again 1 min 1", "Hard 6 min 2", "Good 10 min 3"], labels[..3]);
        Assert.Matches("^Easy ([6-9]|10) days 4$", labels[3]); // 8 days, fuzzed within FsrsScheduler.FuzzRange (6 to 10)
        var again = buttons[0].QuerySelector("#" + buttons[0].GetAttribute("aria-describedby"))!;
        Assert.Equal("I could not have said this in an interview.", again.TextContent);

        var graded = await client.GradeAsync(page, url, "3");

        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        Assert.Equal("/flashcards/review?deck=all", graded.Location());
        var card = (await _app.FormCardAsync(userId, page))!;
        Assert.Equal(CardState.Learning, card.State);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10), card.DueUtc);
        var log = await _app.QueryAsync(db => db.ReviewLogs.SingleAsync(l => l.UserId == userId));
        Assert.Equal((Grade.Good, CardState.New, CardState.Learning), (log.Grade!.Value, log.Before.State, log.After.State));
        var next = await client.GetDocumentAsync("/flashcards/review?deck=all");
        Assert.NotEqual(front, next.QuerySelector("#card-front")!.TextContent);
        Assert.NotNull(next.QuerySelector("form[data-undo-form]"));
        Assert.Equal("1", next.QuerySelector(".review-counts .count-learning dd")!.TextContent);
    }

    [Fact]
    public async Task ADoubleSubmittedGradeFormRecordsOneReview()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();

        var first = await client.GradeAsync(page, url, "3");
        var second = await client.GradeAsync(page, url, "1");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await _app.ReviewCountAsync(userId));
        var card = (await _app.FormCardAsync(userId, page))!;
        Assert.Equal((CardState.Learning, 1), (card.State, card.Reps));
        var after = await client.GetDocumentAsync("/flashcards/review?deck=all");
        Assert.Contains("already graded", after.QuerySelector("[data-review-message]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheFragmentHeaderAGradeAnswersWithJustTheNextCard()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();

        async Task<IDocument> PostAsync(string grade)
        {
            var fields = page.GradeForm().Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name))
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).Append(new("grade", grade));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(page.GradeForm().GetAttribute("action")!, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add("X-Flashcards-Fragment", "1");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
            return await Html.ParseAsync(html);
        }

        var next = await PostAsync("3");
        var replay = await PostAsync("3");

        Assert.NotEqual(page.QuerySelector("#card-front")!.TextContent, next.QuerySelector("#card-front")!.TextContent);
        Assert.NotNull(next.QuerySelector("form[data-undo-form] input[name=__RequestVerificationToken]"));
        Assert.Contains("already graded", replay.QuerySelector("[data-review-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _app.ReviewCountAsync(userId));
        // The notice was for that answer only: a later page load does not repeat it.
        Assert.Null((await client.GetDocumentAsync("/flashcards/review?deck=all")).QuerySelector("[data-review-message]"));
    }

    [Fact]
    public async Task TwoTabsGradingTheSameShowingAtOnceLeaveOneConsistentReview()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.GradeAsync(page, url, (i % 4 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var logs = await _app.QueryAsync(db => db.ReviewLogs.Where(l => l.UserId == userId).ToListAsync());
        var log = Assert.Single(logs);
        var card = (await _app.FormCardAsync(userId, page))!;
        Assert.Equal(log.After, card.Snapshot());
        Assert.Equal(1, card.Reps);
    }

    [Fact]
    public async Task AGradeTheDatabaseFailsToSaveIsAnErrorNotAnAlreadyGradedNotice()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();
        // A write that fails for a reason other than a lost race (here a trigger; in life a busy or full disk).
        HttpResponseMessage response;
        await using (await FailingWrites.OnAsync(_app, "ReviewLogs", userId))
        {
            response = await client.GradeAsync(page, url, "3");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        // The failed transaction (the card and its first review) was ended, not left holding the write gate.
        Assert.True(_app.Services.GetService<WriteGate>()?.IsFree ?? true);
        Assert.Equal(0, await _app.ReviewCountAsync(userId));
        Assert.Null(await _app.FormCardAsync(userId, page)); // the card made by the grade went with it
        Assert.Equal(HttpStatusCode.Redirect, (await client.GradeAsync(page, url, "3")).StatusCode);
        Assert.Equal(1, await _app.ReviewCountAsync(userId));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("good")]
    public async Task AGradeOutsideOneToFourIsRefusedAndNothingIsRecorded(string grade)
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();

        var response = await client.GradeAsync(page, url, grade);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("A grade is 1 (Again) to 4 (Easy)", shown.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(shown.QuerySelector("form[data-grade-form]:not([hidden])"));
        Assert.Equal(0, await _app.ReviewCountAsync(userId));
        Assert.Null(await _app.FormCardAsync(userId, page));
    }

    [Fact]
    public async Task AnotherUsersCardAnswers404Everywhere()
    {
        var (alice, aliceId) = await _app.UserAsync();
        var (alicePage, aliceUrl) = await alice.RevealAsync();
        await alice.GradeAsync(alicePage, aliceUrl, "3");
        var aliceCard = (await _app.FormCardAsync(aliceId, alicePage))!.Id;
        var own = await alice.SubmitAsync("/flashcards/cards/new", new Dictionary<string, string?> { ["Input.Front"] = "What did you build at Acme?", ["Input.Back"] = "A ranking model." });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var aliceOwn = await _app.QueryAsync(db => db.Flashcards.Where(c => c.UserId == aliceId && c.Front != null).Select(c => c.Id).SingleAsync());
        var (bob, bobId) = await _app.UserAsync();
        var (bobPage, bobUrl) = await bob.RevealAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(new Uri($"/flashcards/review?deck=all&card={aliceCard}&reveal=1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(new Uri($"/flashcards/cards/{aliceOwn}/edit", UriKind.Relative))).StatusCode);
        var grade = await bob.SubmitAsync(bobPage.GradeForm(), bobUrl, new Dictionary<string, string?> { ["cardId"] = aliceCard.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "0", ["grade"] = "3" });
        Assert.Equal(HttpStatusCode.NotFound, grade.StatusCode);
        var token = bobPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Suspend", "Bury", "Reset" })
        {
            var response = await bob.PostAsync(new Uri($"/flashcards/review?deck=all&handler={handler}", UriKind.Relative), new FormUrlEncodedContent(
                [new("cardId", aliceCard.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(1, await _app.ReviewCountAsync(aliceId));
        Assert.Equal(0, await _app.ReviewCountAsync(bobId));
        var card = await _app.CardAsync(aliceCard);
        Assert.False(card.IsSuspended);
        Assert.Null(card.BuriedUntilUtc);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(new Uri($"/flashcards/review?deck=interview:1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task UndoPutsTheCardBackExactlyAndIsLoggedAsItsOwnEntry()
    {
        var (client, userId) = await _app.UserAsync();
        // Study a card into review first, so that the undone review has a real memory to restore.
        var (page, url) = await client.RevealAsync();
        await client.GradeAsync(page, url, "4");
        var cardId = (await _app.FormCardAsync(userId, page))!.Id;
        _app.Clock.Advance(TimeSpan.FromDays(9.3));
        var before = await _app.CardAsync(cardId);
        Assert.Equal(CardState.Review, before.State);
        var (again, againUrl) = await client.RevealAsync();
        Assert.Equal(cardId, again.CardId());
        await client.GradeAsync(again, againUrl, "1");
        Assert.NotEqual(before.Snapshot(), (await _app.CardAsync(cardId)).Snapshot());

        var reviewPage = await client.GetDocumentAsync("/flashcards/review?deck=all");
        var undoForm = (IHtmlFormElement)reviewPage.QuerySelector("form[data-undo-form]")!;
        var undone = await client.SubmitAsync(undoForm, "/flashcards/review?deck=all");
        var twice = await client.SubmitAsync(undoForm, "/flashcards/review?deck=all");

        Assert.Equal($"/flashcards/review?deck=all&card={cardId}", undone.Location());
        var after = await _app.CardAsync(cardId);
        Assert.Equal(before.Snapshot(), after.Snapshot());
        Assert.Equal((before.Stability, before.Difficulty, before.DueUtc, before.LastReviewUtc), (after.Stability, after.Difficulty, after.DueUtc, after.LastReviewUtc));
        var logs = await _app.QueryAsync(db => db.ReviewLogs.Where(l => l.UserId == userId).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal([ReviewKind.Review, ReviewKind.Review, ReviewKind.Undo], logs.Select(l => l.Kind));
        Assert.Equal(logs[1].Id, logs[2].UndoesId);
        Assert.Equal(logs[1].Before, logs[2].After);
        Assert.Equal("/flashcards/review?deck=all", twice.Location());
        var shown = await client.GetDocumentAsync(undone.Location());
        Assert.Equal(cardId.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.QuerySelector("a[data-reveal]")!.GetAttribute("href")!.Split("card=")[1].Split('&')[0]);
        // The undone grade no longer counts in today's reviews or in the stats.
        var stats = await client.GetDocumentAsync("/flashcards/stats");
        Assert.Contains("1 review in all", stats.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuryAndSuspendTakeACardOutAndStatsCanBringItBack()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();

        await client.SubmitAsync((IHtmlFormElement)page.QuerySelector("form[action*='handler=Suspend']")!, url);
        var cardId = (await _app.FormCardAsync(userId, page))!.Id; // made by the suspend: a question never graded had none
        var next = await client.GetDocumentAsync("/flashcards/review?deck=all");
        Assert.NotEqual(page.QuerySelector("#card-front")!.TextContent, next.QuerySelector("#card-front")!.TextContent);
        Assert.True((await _app.CardAsync(cardId)).IsSuspended);

        var stats = await client.GetDocumentAsync("/flashcards/stats");
        var unsuspend = (IHtmlFormElement)stats.QuerySelector("#suspended form")!;
        await client.SubmitAsync(unsuspend, "/flashcards/stats");
        Assert.False((await _app.CardAsync(cardId)).IsSuspended);
        Assert.Equal(0, await _app.ReviewCountAsync(userId));
    }

    [Fact]
    public async Task CramWalksTheDeckWithoutTouchingTheScheduleOrTheLog()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync("category:theory");
        await client.GradeAsync(page, url, "3");
        var card = (await _app.FormCardAsync(userId, page))!;
        var cards = await _app.QueryAsync(db => db.Flashcards.CountAsync(c => c.UserId == userId));

        var fronts = new List<string>();
        var link = "/flashcards/review?deck=category:theory&cram=1";
        for (var i = 0; i < 10 && link is not null; i++)
        {
            var doc = await client.GetDocumentAsync(link);
            if (doc.QuerySelector("#card-front") is null)
            {
                Assert.Contains("That was all", doc.QuerySelector("#done-heading")!.TextContent, StringComparison.Ordinal);
                break;
            }
            fronts.Add(doc.QuerySelector("#card-front")!.TextContent);
            Assert.Null(doc.QuerySelector("form[data-grade-form]"));
            link = doc.QuerySelector("a[data-next]")?.GetAttribute("href");
        }

        Assert.Equal(5, fronts.Count);
        Assert.Equal(5, fronts.Distinct().Count());
        Assert.Equal(card.Snapshot(), (await _app.CardAsync(card.Id)).Snapshot());
        Assert.Equal(cards, await _app.QueryAsync(db => db.Flashcards.CountAsync(c => c.UserId == userId)));
        Assert.Equal(1, await _app.ReviewCountAsync(userId));

        var shuffled = await client.GetDocumentAsync("/flashcards/review?deck=category:theory&cram=1&order=shuffled&seed=7");
        var again = await client.GetDocumentAsync("/flashcards/review?deck=category:theory&cram=1&order=shuffled&seed=7");
        Assert.Equal(shuffled.QuerySelector("#card-front")!.TextContent, again.QuerySelector("#card-front")!.TextContent);
        Assert.Contains("seed=7", shuffled.QuerySelector("a[data-next]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewAfterHalfAnHourIdleLogsTheSessionBeforeAsPractice()
    {
        var (client, userId) = await _app.UserAsync();
        for (var i = 0; i < 2; i++)
        {
            var (page, url) = await client.RevealAsync();
            _app.Clock.Advance(TimeSpan.FromSeconds(40));
            await client.GradeAsync(page, url, i == 0 ? "1" : "3");
        }
        Assert.Equal(0, await _app.QueryAsync(db => db.PracticeSessions.CountAsync(p => p.UserId == userId)));

        _app.Clock.Advance(TimeSpan.FromMinutes(31));
        var (later, laterUrl) = await client.RevealAsync();
        await client.GradeAsync(later, laterUrl, "3");

        var session = await _app.QueryAsync(db => db.PracticeSessions.Include(p => p.Categories).SingleAsync(p => p.UserId == userId));
        Assert.Equal(PracticeKind.Flashcards, session.Kind);
        Assert.Equal("Flashcards: 2 reviews, 1 recalled.", session.NotesMarkdown);
        Assert.Equal(1, session.DurationMinutes);
        Assert.Equal(3, session.Rating);
        Assert.NotEmpty(session.Categories);

        var finish = await client.SubmitAsync("/flashcards/review?deck=all", formSelector: "form[action*='handler=Finish']");
        Assert.Equal("/flashcards/session", finish.Location());
        Assert.Equal(2, await _app.QueryAsync(db => db.PracticeSessions.CountAsync(p => p.UserId == userId)));
        var again = await client.SubmitAsync("/flashcards/review?deck=all", formSelector: "form[action*='handler=Finish']");
        Assert.Equal(2, await _app.QueryAsync(db => db.PracticeSessions.CountAsync(p => p.UserId == userId)));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task FinishingShowsTheSessionsCardsMinutesGradesWhatIsDueAndTheCardsToLookAtAgain()
    {
        var (client, _) = await _app.UserAsync();
        var titles = new List<string>();
        foreach (var grade in new[] { "2", "1", "3" })
        {
            var (page, url) = await client.RevealAsync();
            titles.Add(page.QuerySelector("#card-front")!.TextContent);
            _app.Clock.Advance(TimeSpan.FromMinutes(2));
            await client.GradeAsync(page, url, grade);
        }

        var finish = await client.SubmitAsync("/flashcards/review?deck=all", formSelector: "form[action*='handler=Finish']");
        var summary = await client.GetDocumentAsync(finish.Location());

        Assert.Equal(["3", "6", "3"], summary.Texts(".stat dd").Take(3)); // cards; minutes, from the first shown to the last graded; all three due by tomorrow night
        Assert.Equal(["Again1", "Hard1", "Good1", "Easy0"], summary.QuerySelectorAll(".session-grades > div").Select(d => d.TextContent.Trim().Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)));
        Assert.Equal([titles[1], titles[0]], summary.Texts("#weakest-heading + ul li a"));
        Assert.Contains("Session saved in your practice log.", summary.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACardForgottenEightTimesBecomesASuspendedLeechListedOnStats()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, _) = await client.RevealAsync();
        var cardId = await _app.ShownCardIdAsync(userId, page);
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        await _app.QueryAsync(db => db.Flashcards.Where(c => c.Id == cardId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.State, CardState.Review).SetProperty(c => c.Stability, 3.0).SetProperty(c => c.Difficulty, 7.0)
            .SetProperty(c => c.Reps, 20).SetProperty(c => c.Lapses, 7).SetProperty(c => c.LastReviewUtc, now.AddDays(-4))
            .SetProperty(c => c.DueUtc, now.AddDays(-1)).SetProperty(c => c.ScheduledDays, 3)));

        var (again, againUrl) = await client.RevealAsync();
        Assert.Equal(cardId, again.CardId());
        var graded = await client.GradeAsync(again, againUrl, "1");

        var card = await _app.CardAsync(cardId);
        Assert.Equal(8, card.Lapses);
        Assert.True(card.IsLeech);
        Assert.True(card.IsSuspended);
        var next = await client.GetDocumentAsync(graded.Location());
        Assert.Contains("leech", next.QuerySelector("[data-review-message]")!.TextContent, StringComparison.Ordinal);
        var stats = await client.GetDocumentAsync("/flashcards/stats");
        Assert.Contains("Leech · 8 lapses", stats.QuerySelector("#suspended")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _app.ReviewCountAsync(userId));
    }

    [Fact]
    public async Task AnInterviewInTheNextWeekPutsItsPrepDeckFirstWithCardsDueBeforeIt()
    {
        var (client, userId) = await _app.UserAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var interviewId = await _app.QueryAsync(async db =>
        {
            var theory = await db.Categories.FirstAsync(c => c.Slug == "theory");
            var precision = await db.Questions.FirstAsync(q => q.Slug == "precision-and-recall");
            var interview = new Interview
            {
                UserId = userId, Company = "Acme", Role = "ML engineer", ScheduledAtUtc = now.AddDays(3), CreatedAtUtc = now, UpdatedAtUtc = now,
                Checklist =
                [
                    new PrepItem { Kind = PrepItemKind.Category, CategoryId = theory.Id, Text = theory.Title },
                    new PrepItem { Kind = PrepItemKind.Question, QuestionId = precision.Id, Text = precision.Title },
                ],
            };
            db.Interviews.Add(interview);
            // A card of the deck due in two days: before the interview, so due now in the interview's deck.
            var card = new Flashcard { UserId = userId, QuestionId = precision.Id, CreatedAtUtc = now };
            card.Apply(new CardMemory(CardState.Review, new DateTimeOffset(now.AddDays(2)), 5, 5, 3, 5, 3, 0, 0, new DateTimeOffset(now.AddDays(-3))));
            db.Flashcards.Add(card);
            await db.SaveChangesAsync();
            return interview.Id;
        });

        var decks = await client.GetDocumentAsync("/flashcards");
        var soon = decks.QuerySelector(".deck-soon")!;
        Assert.Equal("Acme: ML engineer", soon.QuerySelector(".deck-name")!.TextContent);
        Assert.Contains("Interview in 3 days", soon.QuerySelector(".deck-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", soon.QuerySelector(".count-due")!.TextContent);
        Assert.Equal("5", soon.QuerySelector(".count-new")!.TextContent); // the 5 theory questions; precision and recall is in review
        var all = decks.QuerySelectorAll(".deck-table tbody tr").First(r => r.QuerySelector(".deck-name")!.TextContent == "All cards");
        Assert.Equal("0", all.QuerySelector(".count-due")!.TextContent);

        var home = await client.GetDocumentAsync("/");
        Assert.Equal(["Before Acme", "All cards"], home.QuerySelectorAll(".cards-due a").Select(a => a.TextContent));
        var review = await client.GetDocumentAsync($"/flashcards/review?deck=interview:{interviewId}");
        Assert.Equal("What are precision and recall?", review.QuerySelector("#card-front")!.TextContent);
        var stats = await client.GetDocumentAsync("/flashcards/stats");
        Assert.Equal("Acme: ML engineer", stats.QuerySelector("#readiness-chart .recall-label")!.TextContent);
    }

    [Fact]
    public async Task ARetiredQuestionsCardStillReviewsAndKeepsItsHistory()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync("category:practical");
        // Retired while it was on screen, before its first grade (so before it had a card).
        var questionId = page.QuestionId()!.Value;
        await _app.QueryAsync(db => db.Questions.Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRetired, true)));

        var graded = await client.GradeAsync(page, url, "3");
        Assert.Equal(HttpStatusCode.Redirect, graded.StatusCode);
        var cardId = (await _app.FormCardAsync(userId, page))!.Id;
        _app.Clock.Advance(TimeSpan.FromMinutes(11));
        var shown = await client.GetDocumentAsync($"/flashcards/review?deck=all&card={cardId}&reveal=1");

        Assert.Contains("retired", shown.QuerySelector(".flashcard-meta")!.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("a[data-open-question]"));
        Assert.NotEmpty(shown.QuerySelector(".flashcard-back .prose")!.TextContent.Trim());
        var again = await client.SubmitAsync(shown.GradeForm(), $"/flashcards/review?deck=all&card={cardId}&reveal=1", new Dictionary<string, string?> { ["grade"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(2, await _app.ReviewCountAsync(userId));
        Assert.Equal(CardState.Review, (await _app.CardAsync(cardId)).State);
        await _app.QueryAsync(db => db.Questions.Where(q => q.Id == db.Flashcards.Where(c => c.Id == cardId).Select(c => c.QuestionId).First())
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.IsRetired, false)));
    }

    [Theory]
    [InlineData("/flashcards")]
    [InlineData("/flashcards/review?deck=all")]
    [InlineData("/flashcards/stats")]
    [InlineData("/flashcards/cards")]
    [InlineData("/flashcards/import")]
    [InlineData("/flashcards/export?deck=all&format=csv")]
    public async Task FlashcardPagesSendAnonymousVisitorsToSignIn(string url)
    {
        var response = await _app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownDeckAnswers404()
    {
        var (client, _) = await _app.UserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/flashcards/review?deck=category:nope", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/flashcards/review?deck=bogus", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SettingsRefuseARetentionOutsideTheRangeBesideTheField()
    {
        var (client, userId) = await _app.UserAsync();

        var bad = await client.SubmitAsync("/flashcards/settings", new Dictionary<string, string?> { ["Input.DesiredRetention"] = "0.99", ["Input.NewPerDay"] = "5" });
        var page = await Html.ParseAsync(await bad.Content.ReadAsStringAsync());
        Assert.Equal("Enter a desired retention from 0.70 to 0.97.", page.FieldError("Input.DesiredRetention")!.TextContent);
        Assert.Equal("0.99", page.QuerySelector("#Input_DesiredRetention")!.GetAttribute("value"));

        var good = await client.SubmitAsync("/flashcards/settings", new Dictionary<string, string?> { ["Input.DesiredRetention"] = "0.85", ["Input.NewPerDay"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var settings = await _app.QueryAsync(db => db.FlashcardSettings.SingleAsync(s => s.UserId == userId));
        Assert.Equal((0.85, 1, 200), (settings.DesiredRetention, settings.NewPerDay, settings.ReviewsPerDay));
        var (page2, url) = await client.RevealAsync();
        await client.GradeAsync(page2, url, "4");
        var done = await client.GetDocumentAsync("/flashcards/review?deck=all");
        Assert.Equal("All done for now", done.QuerySelector("#done-heading")!.TextContent);
    }

    [Fact]
    public async Task SettingsTheDatabaseFailsToSaveAreSaidSoAndKeepWhatWasTyped()
    {
        var (client, userId) = await _app.UserAsync();
        // A write refused for a reason other than a race (here a trigger; in life a full or read-only disk).
        HttpResponseMessage refused;
        await using (await FailingWrites.OnAsync(_app, "FlashcardSettings", userId))
        {
            refused = await client.SubmitAsync("/flashcards/settings", new Dictionary<string, string?> { ["Input.DesiredRetention"] = "0.85", ["Input.NewPerDay"] = "7", ["Input.ReviewsPerDay"] = "150" });
        }

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".form-errors")!.TextContent;
        Assert.Contains("could not be saved just now, so nothing was changed", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("another tab", summary, StringComparison.Ordinal);
        Assert.Equal("7", page.QuerySelector("#Input_NewPerDay")!.GetAttribute("value"));
        Assert.Null(await _app.QueryAsync(db => db.FlashcardSettings.SingleOrDefaultAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task DeletingTheAccountErasesCardsAndTheReviewLog()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, url) = await client.RevealAsync();
        await client.GradeAsync(page, url, "3");
        var review = await client.GetDocumentAsync("/flashcards/review?deck=all");
        await client.SubmitAsync((IHtmlFormElement)review.QuerySelector("form[data-undo-form]")!, "/flashcards/review?deck=all");

        var deleted = await client.SubmitAsync("/account/delete", new Dictionary<string, string?> { ["Password"] = Users.Password });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await _app.QueryAsync(db => db.ReviewLogs.CountAsync(l => l.UserId == userId)));
        Assert.Equal(0, await _app.QueryAsync(db => db.Flashcards.CountAsync(c => c.UserId == userId)));
    }
}

public sealed class ImportingAndExporting(FlashcardFixture fixture) : IClassFixture<FlashcardFixture>
{
    private readonly AppFactory _app = fixture.App;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string fileName = "cards.csv")
    {
        var page = await client.GetDocumentAsync("/flashcards/import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", fileName } };
        return await client.PostAsync(new Uri("/flashcards/import", UriKind.Relative), content);
    }

    [Fact]
    public async Task ImportingCsvKeepsTheGoodRowsAndReportsEachBadOneByLine()
    {
        var (client, userId) = await _app.UserAsync();
        var csv = "front,back,tags\n" +
                  "What is a feature store?,\"A shared store of **features**,\nfor training and serving.\",mlops\n" +
                  ",an empty front\n" +
                  "Only a front\n" +
                  "Tell me about Acme,We built search.,\"bad tag!\"\n" +
                  "\"Unclosed quote,oops\n" +
                  "What is drift?,The data changes.,mlops monitoring\n" +
                  "What is a feature store?,A duplicate.\n" +
                  "a,b,c,d\n";

        var response = await UploadAsync(client, csv);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2 cards imported. 6 rows were skipped:", string.Join(' ', page.QuerySelector("[data-import-report] p")!.TextContent.Split((char[])null!, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(
        [
            "Line 4: the front is empty",
            "Line 5: a row needs a front and a back, separated by a comma",
            "Line 6: the tags must be words of letters, digits and dashes",
            "Line 7: a quoted cell is never closed",
            "Line 9: you already have a card with this front",
            "Line 10: the row has 4 columns; expected front, back and (optionally) tags",
        ], page.Texts(".import-problems li"));
        var cards = await _app.QueryAsync(db => db.Flashcards.Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["What is a feature store?", "What is drift?"], cards.Select(c => c.Front));
        Assert.Equal("<p>A shared store of <strong>features</strong>,\nfor training and serving.</p>\n", cards[0].BackHtml);
        Assert.Equal("mlops monitoring", cards[1].Tags);
        var decks = await client.GetDocumentAsync("/flashcards");
        Assert.Contains(decks.QuerySelectorAll(".deck-name"), a => a.TextContent == "Tag: monitoring");
    }

    [Fact]
    public async Task AFileThatIsNotUtf8OrTooLargeIsRefusedBesideTheField()
    {
        var (client, _) = await _app.UserAsync();
        var page = await client.GetDocumentAsync("/flashcards/import");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0x66, 0x72, 0xFF, 0xFE, 0x2C, 0x62]), "Upload", "latin1.csv" },
        };
        var response = await client.PostAsync(new Uri("/flashcards/import", UriKind.Relative), content);
        var shown = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("not UTF-8", shown.FieldError("Upload")!.TextContent, StringComparison.Ordinal);

        var big = await UploadAsync(client, new string('x', DeckTransfer.MaxImportBytes + 10));
        Assert.Contains("larger than 1 MB", (await Html.ParseAsync(await big.Content.ReadAsStringAsync())).FieldError("Upload")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeckExportsAsCsvForAnkiAndAsJsonWithItsReviewHistory()
    {
        var (client, _) = await _app.UserAsync();
        await UploadAsync(client, "\"Why, \"\"exactly\"\"?\",Because $x^2$ <b>grows</b>.,acme\n");
        var (page, url) = await client.RevealAsync("tag:acme");
        await client.GradeAsync(page, url, "3");

        var csv = await client.GetStringAsync(new Uri("/flashcards/export?deck=category:practical&format=csv", UriKind.Relative));
        var lines = csv.Split("\r\n");
        Assert.Equal(["#separator:Comma", "#html:true", "#tags column:3", "#columns:Front,Back,Tags"], lines[..4]);
        var rows = CsvRows.Read(csv).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(3, r.Cells.Count));
        Assert.Contains(rows, r => r.Cells[0] == "What are precision and recall?" && r.Cells[1].Contains("<h3>How to answer it</h3>", StringComparison.Ordinal) && r.Cells[2] == "practical metrics classification");

        var own = CsvRows.Read(await client.GetStringAsync(new Uri("/flashcards/export?deck=own&format=csv", UriKind.Relative))).Single();
        Assert.Equal("Why, &quot;exactly&quot;?", own.Cells[0]);
        Assert.Equal("<p>Because <span class=\"math\">\\(x^2\\)</span> &lt;b&gt;grows&lt;/b&gt;.</p>\n", own.Cells[1]);
        Assert.Equal("own acme", own.Cells[2]);

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/flashcards/export?deck=tag:acme&format=json", UriKind.Relative)));
        var card = json.RootElement.GetProperty("cards").EnumerateArray().Single();
        Assert.Equal("Why, \"exactly\"?", card.GetProperty("front").GetString());
        var review = card.GetProperty("reviews").EnumerateArray().Single();
        Assert.Equal(3, review.GetProperty("grade").GetInt32());
        Assert.Equal("Learning", card.GetProperty("memory").GetProperty("state").GetString());
        Assert.Equal(1, review.GetProperty("after").GetProperty("state").GetInt32());
    }

    [Fact]
    public async Task ADebriefQuestionBecomesAnOwnCard()
    {
        var (client, userId) = await _app.UserAsync();
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        await _app.QueryAsync(async db =>
        {
            var question = await db.Questions.FirstAsync(q => q.Slug == "confusion-matrix");
            db.Interviews.Add(new Interview
            {
                UserId = userId, Company = "Initech", Role = "Data scientist", CreatedAtUtc = now, UpdatedAtUtc = now,
                AskedQuestions = [new AskedQuestion { Text = "Walk me through a confusion matrix", QuestionId = question.Id, CreatedAtUtc = now }],
            });
            return await db.SaveChangesAsync();
        });

        var cardsPage = await client.GetDocumentAsync("/flashcards/cards");
        Assert.Contains("Walk me through a confusion matrix", cardsPage.QuerySelector("#asked-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var made = await client.SubmitAsync("/flashcards/cards", formSelector: "form[action*='handler=FromAsked']");

        Assert.StartsWith("/flashcards/cards/", made.Location(), StringComparison.Ordinal);
        var card = await _app.QueryAsync(db => db.Flashcards.SingleAsync(c => c.UserId == userId));
        Assert.Equal("Walk me through a confusion matrix", card.Front);
        Assert.Contains("href=\"/questions/confusion-matrix\"", card.BackHtml, StringComparison.Ordinal);
        Assert.Null((await client.GetDocumentAsync("/flashcards/cards")).QuerySelector("#asked-heading"));
        var edited = await client.SubmitAsync(made.Location(), new Dictionary<string, string?> { ["Input.Back"] = "Rows are actual classes, columns predicted.", ["Input.Tags"] = "initech" }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("<p>Rows are actual classes, columns predicted.</p>\n", (await _app.CardAsync(card.Id)).BackHtml);
    }
}

public sealed class UndoingInTheLibrary(FlashcardFixture fixture) : IClassFixture<FlashcardFixture>
{
    private readonly AppFactory _app = fixture.App;

    [Fact]
    public async Task EveryGradeOfAnyCardUndoesToTheExactStateBeforeIt()
    {
        var (client, userId) = await _app.UserAsync();
        var (page, _) = await client.RevealAsync();
        var cardId = await _app.ShownCardIdAsync(userId, page); // a new card, as a question's first showing had before its first grade
        var rng = new Random(5);
        await using var scope = _app.Services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<FlashcardLibrary>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var step = 0; step < 25; step++)
        {
            _app.Clock.Advance(TimeSpan.FromHours(rng.Next(0, 24 * 20)));
            db.ChangeTracker.Clear();
            var before = await db.Flashcards.AsNoTracking().FirstAsync(c => c.Id == cardId);
            var context = await library.ContextAsync(userId, default);
            var grade = (Grade)rng.Next(1, 5);

            Assert.Equal(CardChange.Done, await library.GradeAsync(context, cardId, before.Version, grade, 1000, Deck.All, default) is var r && r == CardChange.BecameLeech ? CardChange.Done : r);
            var (undo, _) = await library.UndoAsync(context, null, default);
            Assert.Equal(CardChange.Done, undo);
            db.ChangeTracker.Clear();
            var restored = await db.Flashcards.AsNoTracking().FirstAsync(c => c.Id == cardId);
            Assert.Equal(before.Snapshot(), restored.Snapshot());

            // Then grade for real, so the next step starts from a new memory.
            Assert.NotEqual(CardChange.Stale, await library.GradeAsync(context, cardId, restored.Version, grade, 1000, Deck.All, default));
        }
    }
}
