using System.Globalization;
using System.Net;
using InterviewPrep.Tests.Account;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Questions;

/// <summary>A signed-in question page joins the bank to the user's prep: card state, study, suspend, checklist, debrief, note.</summary>
public sealed class JoiningTheBankToYourPrep(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private readonly AppFactory _app = fixture.App;

    private const string Page = "/questions/overfitting";

    private static async Task<int> InterviewAsync(HttpClient client, string company, DateTimeOffset at)
    {
        var response = await client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
        {
            ["Input.Company"] = company, ["Input.Role"] = "ML engineer", ["Input.Stage"] = "TechnicalScreen",
            ["Input.Date"] = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = "10:00",
            ["Input.TimeZoneId"] = "UTC", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Location().Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private Task<int> QuestionIdAsync() => _app.QueryAsync(db => db.Questions.Where(q => q.Slug == "overfitting").Select(q => q.Id).SingleAsync());

    [Fact]
    public async Task AVisitorSeesNoPrepAndIsSentToSignInWhenPostingToIt()
    {
        var client = _app.CreatePlainClient();

        var page = await client.GetDocumentAsync(Page);
        // A visitor's own valid token (from the sign-in form), so that only the page's own rule can turn the post away.
        var token = (await client.GetDocumentAsync("/Identity/Account/Login")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await client.PostAsync(new Uri($"{Page}?handler=Suspend", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Null(page.QuerySelector("#your-prep"));
        Assert.Null(page.QuerySelector(".prep-bar"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", new Uri(new Uri("http://localhost"), posted.Location()).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCardsStateShowsAndStudyNowOpensThisQuestion()
    {
        var client = await _app.SignedInClientAsync();
        var id = await QuestionIdAsync();

        var before = await client.GetDocumentAsync(Page);
        var study = before.QuerySelector(".prep-bar a.button")!.GetAttribute("href")!;
        var review = await client.GetDocumentAsync(study);
        var reveal = review.QuerySelector("a[data-reveal]")!.GetAttribute("href")!;
        var revealed = await client.GetDocumentAsync(reveal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GradeAsync(revealed, reveal, "3")).StatusCode);
        var after = await client.GetDocumentAsync(Page);

        Assert.Equal("New: not studied yet", before.QuerySelector(".prep-state")!.TextContent.Replace("Your card: ", "", StringComparison.Ordinal).Trim());
        Assert.Equal($"/flashcards/review?deck=all&question={id}", study);
        Assert.Equal(id, revealed.QuestionId());
        Assert.Matches("^(Learning, due in .+|Due (today|tomorrow|in \\d+ days))$", after.QuerySelector(".prep-state")!.TextContent.Replace("Your card: ", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task SuspendTakesTheQuestionOutOfReviewsAndUnsuspendBringsItBack()
    {
        var email = $"suspender-{Guid.NewGuid():N}@example.com";
        var client = await _app.SignedInClientAsync(email);
        var id = await QuestionIdAsync();

        var suspended = await client.SubmitAsync(Page, formSelector: "form[action*='handler=Suspend']");
        var page = await client.GetDocumentAsync(Page);
        var card = await _app.QueryAsync(db => db.Flashcards.AsNoTracking().SingleAsync(c => c.QuestionId == id && c.UserId == db.Users.Single(u => u.Email == email).Id));
        var unsuspended = await client.SubmitAsync(Page, formSelector: "form[action*='handler=Suspend']");
        var again = await client.GetDocumentAsync(Page);

        Assert.Equal($"{Page}#your-prep", suspended.Location());
        Assert.Contains("Suspended", page.QuerySelector(".prep-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Suspended: it stays out of your reviews until you unsuspend it.", page.QuerySelector("#your-prep .notice")!.TextContent);
        Assert.Equal("Unsuspend", page.QuerySelector("form[action*='handler=Suspend'] button")!.TextContent.Trim());
        Assert.True(card.IsSuspended);
        Assert.Equal(HttpStatusCode.Redirect, unsuspended.StatusCode);
        Assert.Equal("New: not studied yet", again.QuerySelector(".prep-state")!.TextContent.Replace("Your card: ", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task TheQuestionGoesOnAnUpcomingInterviewsChecklistOnce()
    {
        var client = await _app.SignedInClientAsync();
        var interview = await InterviewAsync(client, "Upcoming Co", _app.Clock.GetUtcNow().AddDays(5));

        var page = await client.GetDocumentAsync(Page);
        var first = await client.SubmitAsync(Page, new Dictionary<string, string?> { ["InterviewId"] = interview.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Checklist']");
        var second = await client.SubmitAsync(Page, new Dictionary<string, string?> { ["InterviewId"] = interview.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Checklist']");
        var message = (await client.GetDocumentAsync(Page)).QuerySelector("#your-prep .notice")!.TextContent;
        var checklist = await client.GetDocumentAsync($"/interviews/{interview}");

        Assert.Contains("Upcoming Co, ML engineer", page.QuerySelector("#checklist-interview option")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#asked-interview")); // nothing past to have been asked in
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("It is already on the checklist for Upcoming Co.", message);
        Assert.Single(checklist.QuerySelectorAll(".checklist a[href='/questions/overfitting']"));
    }

    [Fact]
    public async Task IWasAskedThisGoesToAPastInterviewsDebrief()
    {
        var client = await _app.SignedInClientAsync();
        var interview = await InterviewAsync(client, "Past Co", _app.Clock.GetUtcNow().AddDays(-3));

        var posted = await client.SubmitAsync(Page, new Dictionary<string, string?> { ["InterviewId"] = interview.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Asked']");
        var asked = await _app.QueryAsync(db => db.Set<AskedQuestion>().Where(a => a.InterviewId == interview).ToListAsync());
        var debrief = await client.GetDocumentAsync($"/interviews/{interview}");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(await QuestionIdAsync(), Assert.Single(asked).QuestionId);
        Assert.NotNull(debrief.QuerySelector("a[href='/questions/overfitting']"));
    }

    [Fact]
    public async Task AnotherUsersInterviewAnswers404AndGetsNothing()
    {
        var owner = await _app.SignedInClientAsync();
        var theirs = await InterviewAsync(owner, "Theirs Co", _app.Clock.GetUtcNow().AddDays(2));
        var intruder = await _app.SignedInClientAsync();
        await InterviewAsync(intruder, "Mine Co", _app.Clock.GetUtcNow().AddDays(2)); // so that the intruder's page has the forms

        var checklist = await intruder.SubmitAsync(Page, new Dictionary<string, string?> { ["InterviewId"] = theirs.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Checklist']");
        var items = await _app.QueryAsync(db => db.Set<PrepItem>().CountAsync(i => i.InterviewId == theirs));

        Assert.Equal(HttpStatusCode.NotFound, checklist.StatusCode);
        Assert.Equal(0, items);
    }

    [Fact]
    public async Task APrivateNoteIsSavedShownKeptWhenTooLongAndDeletedWhenEmptied()
    {
        var client = await _app.SignedInClientAsync();
        var other = await _app.SignedInClientAsync();

        await client.SubmitAsync(Page, new Dictionary<string, string?> { ["Note"] = "Asked at **Acme**: say *when* it happens." }, "form[action*='handler=Note']");
        var saved = await client.GetDocumentAsync(Page);
        var othersPage = await other.GetDocumentAsync(Page);
        var tooLong = new string('x', 10_001);
        var refused = await client.SubmitAsync(Page, new Dictionary<string, string?> { ["Note"] = tooLong }, "form[action*='handler=Note']");
        var refusedPage = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        await client.SubmitAsync(Page, new Dictionary<string, string?> { ["Note"] = "" }, "form[action*='handler=Note']");
        var emptied = await client.GetDocumentAsync(Page);

        Assert.Equal("Asked at **Acme**: say *when* it happens.", saved.QuerySelector("#Note")!.TextContent);
        Assert.Equal("<p>Asked at <strong>Acme</strong>: say <em>when</em> it happens.</p>", saved.QuerySelector(".prep-note-shown")!.InnerHtml.Trim());
        Assert.Null(othersPage.QuerySelector(".prep-note-shown"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Keep the note under 10,000 characters.", refusedPage.FieldError("Note")!.TextContent);
        Assert.Equal(tooLong, refusedPage.QuerySelector("#Note")!.TextContent.Trim('\n'));
        Assert.Null(emptied.QuerySelector(".prep-note-shown"));
        Assert.Equal("Your note is deleted.", emptied.QuerySelector("#your-prep .notice")!.TextContent);
    }

    [Fact]
    public async Task TheListShowsEachQuestionsStateAndFiltersByIt()
    {
        var client = await _app.SignedInClientAsync();
        await client.SubmitAsync(Page, formSelector: "form[action*='handler=Suspend']"); // overfitting: suspended
        var review = await client.GetDocumentAsync("/questions/bias-variance-tradeoff");
        var studyNow = review.QuerySelector(".prep-bar a.button")!.GetAttribute("href")!;
        var reveal = (await client.GetDocumentAsync(studyNow)).QuerySelector("a[data-reveal]")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.GradeAsync(await client.GetDocumentAsync(reveal), reveal, "3")).StatusCode);

        var all = await client.GetDocumentAsync("/questions");
        var suspended = await client.GetDocumentAsync("/questions?mine=suspended");
        var notStudied = await client.GetDocumentAsync("/questions?mine=not-studied");
        var searched = await client.GetDocumentAsync("/questions?q=overfitting&mine=suspended");
        var visitor = await _app.CreatePlainClient().GetDocumentAsync("/questions?mine=suspended");

        string? StateOf(AngleSharp.Dom.IDocument page, string slug) =>
            page.QuerySelectorAll(".question-card").FirstOrDefault(c => c.QuerySelector($"a[href='/questions/{slug}']") is not null)
                ?.QuerySelector(".card-standing")?.TextContent.Replace("Your card: ", "", StringComparison.Ordinal).Trim();
        string[] Slugs(AngleSharp.Dom.IDocument page) =>
            [.. page.QuerySelectorAll(".question-card-title a").Select(a => a.GetAttribute("href")!.Split('/')[^1])];

        Assert.Equal("Suspended, not studied yet", StateOf(all, "overfitting"));
        Assert.Matches("^(Learning, due .+|Due .+)$", StateOf(all, "bias-variance-tradeoff")!);
        Assert.Null(StateOf(all, "precision-and-recall")); // not studied: no mark
        Assert.Equal(["overfitting"], Slugs(suspended));
        Assert.DoesNotContain("overfitting", Slugs(notStudied));
        Assert.DoesNotContain("bias-variance-tradeoff", Slugs(notStudied));
        Assert.Equal(Slugs(all).Length - 2, Slugs(notStudied).Length);
        Assert.Equal(["overfitting"], Slugs(searched));
        Assert.Equal("suspended", all.QuerySelector("#mine option[value=suspended]")!.GetAttribute("value"));
        Assert.Null(visitor.QuerySelector("#mine"));
        Assert.Contains("overfitting", Slugs(visitor)); // a visitor's list ignores the filter
        Assert.True(Slugs(visitor).Length > 1);
    }

    [Fact]
    public async Task ANoteIsRenderedAsMarkdownNeverAsTheHtmlItHolds()
    {
        var client = await _app.SignedInClientAsync();

        await client.SubmitAsync(Page, new Dictionary<string, string?> { ["Note"] = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))" }, "form[action*='handler=Note']");
        var shown = (await client.GetDocumentAsync(Page)).QuerySelector(".prep-note-shown")!;

        Assert.Null(shown.QuerySelector("script"));
        Assert.Null(shown.QuerySelector("img"));
        Assert.DoesNotContain("javascript:", shown.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", shown.InnerHtml, StringComparison.Ordinal);
    }
}
