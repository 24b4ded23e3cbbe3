using System.Net;
using Ical.Net;
using InterviewPrep.Tests.Account;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Interviews;

public sealed class TrackingInterviews(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private readonly AppFactory _app = fixture.App;

    private static Dictionary<string, string?> Valid(string company = "Acme AI", DateTimeOffset? at = null, string zone = "Europe/Berlin") => new()
    {
        ["Input.Company"] = company,
        ["Input.Role"] = "ML engineer",
        ["Input.Stage"] = "TechnicalScreen",
        ["Input.RoundName"] = "ML system design",
        ["Input.Date"] = at?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Time"] = at?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.TimeZoneId"] = zone,
        ["Input.DurationMinutes"] = "45",
        ["Input.Format"] = "Video",
        ["Input.Location"] = "https://meet.example.com/abc-defg",
        ["Input.Contacts[0].Name"] = "Grace Hopper",
        ["Input.Contacts[0].Role"] = "Hiring manager",
        ["Input.Contacts[0].Email"] = "grace@example.com",
        ["Input.Notes"] = "Ask about **on-call**.",
    };

    private async Task<(HttpClient Client, int Id)> CreateAsync(Dictionary<string, string?>? values = null)
    {
        var client = await _app.SignedInClientAsync();
        var response = await client.SubmitAsync("/interviews/new", values ?? Valid(at: _app.Clock.GetUtcNow().AddDays(3).AddHours(1)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, int.Parse(response.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnAddedInterviewShowsItsDetailsCountdownAndLocalTime()
    {
        // 10:00 in Berlin in winter is 09:00 UTC.
        var day = _app.Clock.GetUtcNow().Date.AddDays(3);
        var (client, id) = await CreateAsync(Valid(at: new DateTimeOffset(day.AddHours(10), TimeSpan.Zero)));

        var page = await client.GetDocumentAsync($"/interviews/{id}");
        var stored = await _app.QueryAsync(db => db.Interviews.Include(i => i.Contacts).Include(i => i.StageHistory).SingleAsync(i => i.Id == id));

        Assert.Equal("Acme AI", page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"in \d+ days", page.QuerySelector(".facts .countdown")!.TextContent);
        Assert.Contains("10:00", page.QuerySelector(".facts time")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(day.AddHours(10), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")), stored.ScheduledAtUtc);
        Assert.Equal("Grace Hopper", Assert.Single(stored.Contacts).Name);
        Assert.Equal(InterviewStage.TechnicalScreen, Assert.Single(stored.StageHistory).Stage);
        Assert.Equal("<p>Ask about <strong>on-call</strong>.</p>", page.QuerySelector(".panel .prose")!.InnerHtml.Trim());
    }

    [Fact]
    public async Task TheListShowsUpcomingFirstWithACountdownThenPast()
    {
        var client = await _app.SignedInClientAsync();
        var now = _app.Clock.GetUtcNow();
        await client.SubmitAsync("/interviews/new", Valid("Later Co", now.AddDays(10), "UTC"));
        await client.SubmitAsync("/interviews/new", Valid("Sooner Co", now.AddDays(2), "UTC"));
        await client.SubmitAsync("/interviews/new", Valid("Past Co", now.AddDays(-5), "UTC"));

        var page = await client.GetDocumentAsync("/interviews");
        var filtered = await client.GetDocumentAsync("/interviews?company=soon");

        Assert.Equal(["Sooner Co · ML engineer", "Later Co · ML engineer"], page.Texts("#upcoming-heading ~ ul .interview-card-title"));
        Assert.Equal(["in 2 days", "in 10 days"], page.Texts("#upcoming-heading ~ ul .countdown"));
        Assert.Equal(["Past Co · ML engineer"], page.Texts("#past-heading ~ ul .interview-card-title"));
        Assert.Equal(["Sooner Co · ML engineer"], filtered.Texts(".interview-card-title"));
    }

    [Fact]
    public async Task EachRuleIsReportedBesideItsFieldAndWhatWasTypedIsKept()
    {
        var client = await _app.SignedInClientAsync();
        var values = Valid();
        values["Input.Company"] = "";
        values["Input.Location"] = "ftp://files.example.com";
        values["Input.Date"] = "2026-06-01";
        values["Input.Time"] = null;
        values["Input.Contacts[1].Email"] = "not an email";
        values["Input.DurationMinutes"] = "0";

        var response = await client.SubmitAsync("/interviews/new", values);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter the company.", page.FieldError("Input.Company")!.TextContent);
        Assert.Equal("A meeting link must be a full http:// or https:// address.", page.FieldError("Input.Location")!.TextContent);
        Assert.Equal("Enter the time as well as the date.", page.FieldError("Input.Time")!.TextContent);
        Assert.Equal("Give this contact a name, or clear the row.", page.FieldError("Input.Contacts[1].Name")!.TextContent);
        Assert.Contains("e-mail address", page.FieldError("Input.Contacts[1].Email")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 to 1,440", page.FieldError("Input.DurationMinutes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ML engineer", page.QuerySelector("#Input_Role")!.GetAttribute("value"));
        Assert.Equal("Ask about **on-call**.", page.QuerySelector("#Input_Notes")!.TextContent.Trim());
    }

    [Fact]
    public async Task EachContactRowsLabelsSayWhichContactTheyAreFor()
    {
        var (client, id) = await CreateAsync();

        foreach (var url in new[] { "/interviews/new", $"/interviews/{id}/edit" })
        {
            var form = (await client.GetDocumentAsync(url)).QuerySelector("main form[method=post]")!;
            var labels = form.QuerySelectorAll("label[for]").Select(l => (For: l.GetAttribute("for")!, Text: l.TextContent.Trim())).ToList();
            var rows = form.QuerySelectorAll(".contact-row").Length;

            Assert.True(rows >= 2, $"{url} shows {rows} contact rows");
            Assert.Equal(labels.Count, labels.Select(l => l.Text).Distinct().Count());
            Assert.Equal("Name (contact 1)", labels.Single(l => l.For == "Input_Contacts_0__Name").Text);
            Assert.Equal("E-mail (contact 2)", labels.Single(l => l.For == "Input_Contacts_1__Email").Text);
            // Only the row number is hidden: the visible label is still the short one.
            Assert.Equal("Name", form.QuerySelector("label[for=Input_Contacts_1__Name]")!.ChildNodes[0].TextContent);
            Assert.Equal(" (contact 2)", form.QuerySelector("label[for=Input_Contacts_1__Name] .visually-hidden")!.TextContent);
        }
    }

    [Fact]
    public async Task ATimeThatTheZoneSkipsIsRefused()
    {
        var client = await _app.SignedInClientAsync();
        var values = Valid();
        (values["Input.Date"], values["Input.Time"], values["Input.TimeZoneId"]) = ("2026-03-29", "02:30", "Europe/Berlin");

        var page = await Html.ParseAsync(await (await client.SubmitAsync("/interviews/new", values)).Content.ReadAsStringAsync());

        Assert.Equal("02:30 does not exist on 29 Mar 2026 in Europe/Berlin: the clocks skip it. Choose another time.", page.FieldError("Input.Time")!.TextContent);
    }

    [Fact]
    public async Task AOneMegabyteNoteIsRefusedAndNotStored()
    {
        var client = await _app.SignedInClientAsync();
        var values = Valid(company: "Huge Notes Inc");
        values["Input.Notes"] = new string('x', 1024 * 1024);

        var response = await client.SubmitAsync("/interviews/new", values);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Contains("limited to 20,000 characters", page.FieldError("Input.Notes")!.TextContent, StringComparison.Ordinal);
        Assert.False(await _app.QueryAsync(db => db.Interviews.AnyAsync(i => i.Company == "Huge Notes Inc")));
    }

    [Fact]
    public async Task AnEditFromAStaleTabIsRefusedAndKeepsWhatWasTyped()
    {
        var (client, id) = await CreateAsync();
        var staleForm = await client.GetDocumentAsync($"/interviews/{id}/edit");
        await client.SubmitAsync($"/interviews/{id}/edit", new Dictionary<string, string?> { ["Input.Role"] = "Saved in tab one" });

        var response = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)staleForm.QuerySelector("main form[method=post]")!, $"/interviews/{id}/edit",
            new Dictionary<string, string?> { ["Input.Role"] = "Typed in tab two" });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed in another tab", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed in tab two", page.QuerySelector("#Input_Role")!.GetAttribute("value"));
        Assert.Equal("Saved in tab one", await _app.QueryAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Role).SingleAsync()));

        var again = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!, $"/interviews/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Typed in tab two", await _app.QueryAsync(db => db.Interviews.Where(i => i.Id == id).Select(i => i.Role).SingleAsync()));
    }

    [Fact]
    public async Task EveryStageChangeIsAppendedToTheTimeline()
    {
        var (client, id) = await CreateAsync();
        _app.Clock.Advance(TimeSpan.FromHours(5));
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Stage"] = "Onsite" }, "form[action*='handler=Stage']");
        _app.Clock.Advance(TimeSpan.FromHours(5));
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Stage"] = "Offer" }, "form[action*='handler=Stage']");

        var page = await client.GetDocumentAsync($"/interviews/{id}");

        Assert.Equal(["Technical screen", "Onsite", "Offer"], page.Texts(".timeline-stage"));
        Assert.Equal("Offer", page.QuerySelector(".facts .stage")!.TextContent);
    }

    [Fact]
    public async Task TheChecklistTakesCategoriesQuestionsAndQuestionsToAskAndTicksThemOff()
    {
        var (client, id) = await CreateAsync();
        var categoryId = await _app.QueryAsync(db => db.Categories.Where(c => c.Slug == "practical").Select(c => c.Id).SingleAsync());

        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*='handler=AddCategory']");
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "precision recall" }, "form[action*='handler=AddQuestion']");
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "What does a first week look like?" }, "form[action$='handler=AddAsk']");
        var page = await client.GetDocumentAsync($"/interviews/{id}");
        Assert.Equal(["Practical applications", "What are precision and recall?", "What does a first week look like?"], page.Texts(".checklist-text"));
        Assert.Equal("/questions/precision-and-recall", page.QuerySelector(".checklist-text a[href^='/questions/']")!.GetAttribute("href"));

        await client.SubmitAsync($"/interviews/{id}", formSelector: ".checklist-item form[action*='handler=Toggle']");
        page = await client.GetDocumentAsync($"/interviews/{id}");

        Assert.Equal("1 of 3 done", page.QuerySelector(".progress-label")!.TextContent);
        Assert.Equal("true", page.QuerySelector(".checklist-item .check")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task DebriefQuestionsAreKeptAndLinkedToTheBankWhenTheyMatch()
    {
        var (client, id) = await CreateAsync();

        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "How would you explain a confusion matrix?" }, "form[action*='handler=AddAsked']");
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "Tell me about your weekend plans" }, "form[action*='handler=AddAsked']");
        var page = await client.GetDocumentAsync($"/interviews/{id}");

        Assert.Equal(2, page.QuerySelectorAll(".asked-list li").Length);
        Assert.Equal("/questions/confusion-matrix", Assert.Single(page.QuerySelectorAll(".asked-link")).GetAttribute("href"));
    }

    [Fact]
    public async Task TheCalendarFileIsValidICalendarWithAStableUid()
    {
        var (client, id) = await CreateAsync();
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "What does a first week look like?" }, "form[action$='handler=AddAsk']");

        var first = Calendar.Load(await client.GetStringAsync(new Uri($"/interviews/{id}/calendar.ics", UriKind.Relative)))!;
        await client.SubmitAsync($"/interviews/{id}/edit", new Dictionary<string, string?> { ["Input.DurationMinutes"] = "90" });
        var response = await client.GetAsync(new Uri($"/interviews/{id}/calendar.ics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var second = Calendar.Load(text)!;

        var before = Assert.Single(first.Events);
        var after = Assert.Single(second.Events);
        var stored = await _app.QueryAsync(db => db.Interviews.SingleAsync(i => i.Id == id));
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal(stored.ScheduledAtUtc, after.DtStart!.AsUtc);
        Assert.Equal(stored.ScheduledAtUtc!.Value.AddMinutes(90), after.DtEnd!.AsUtc);
        Assert.True(after.DtStart.IsUtc);
        Assert.Contains("DTSTART:", text, StringComparison.Ordinal);
        Assert.Equal("https://meet.example.com/abc-defg", after.Url!.ToString());
        Assert.Contains("[ ] Ask: What does a first week look like?", after.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrivateFeedServesAllInterviewsUntilItsTokenIsRevoked()
    {
        var (client, _) = await CreateAsync();
        await client.SubmitAsync("/interviews/new", Valid("Second Co", _app.Clock.GetUtcNow().AddDays(5), "UTC"));
        await client.SubmitAsync("/account", formSelector: "form[action*='handler=NewFeed']");
        var feedUrl = new Uri((await client.GetDocumentAsync("/account")).QuerySelector("#feed-url")!.GetAttribute("value")!);
        var anonymous = _app.CreatePlainClient();

        var feed = Calendar.Load(await anonymous.GetStringAsync(feedUrl.PathAndQuery))!;
        Assert.Equal(2, feed.Events.Count);

        await client.SubmitAsync("/account", formSelector: "form[action*='handler=RevokeFeed']");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(feedUrl.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersInterviewAnswers404OnEveryRoute()
    {
        var (owner, id) = await CreateAsync();
        var intruder = await _app.SignedInClientAsync();
        var token = (await intruder.GetDocumentAsync("/interviews/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[] { $"/interviews/{id}", $"/interviews/{id}/edit", $"/interviews/{id}/delete", $"/interviews/{id}/calendar.ics" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }
        foreach (var url in new[] { $"/interviews/{id}/edit", $"/interviews/{id}/delete", $"/interviews/{id}?handler=Stage", $"/interviews/{id}?handler=AddAsk", $"/interviews/{id}?handler=Toggle&itemId=1" })
        {
            var response = await intruder.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("Stage", "Rejected"), new("Text", "x"), new("Input.Company", "Hacked"), new("Input.Role", "x"), new("Input.TimeZoneId", "UTC")]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var stored = await _app.QueryAsync(db => db.Interviews.Include(i => i.Checklist).SingleAsync(i => i.Id == id));
        Assert.Equal(("Acme AI", InterviewStage.TechnicalScreen, 0), (stored.Company, stored.Stage, stored.Checklist.Count));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(new Uri($"/interviews/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DeletingAnInterviewAsksFirstNamingTheCompanyAndDate()
    {
        // The form takes 10:00 in the interview's zone (Berlin), and the question shows it in that zone.
        var day = _app.Clock.GetUtcNow().Date.AddDays(3);
        var (client, id) = await CreateAsync(Valid(at: new DateTimeOffset(day.AddHours(10), TimeSpan.Zero)));

        var details = await client.GetDocumentAsync($"/interviews/{id}");
        var link = details.QuerySelector(".danger-zone a.button-danger")!;
        Assert.Empty(details.QuerySelectorAll("form[action*='handler=Delete']"));
        Assert.Equal($"/interviews/{id}/delete", link.GetAttribute("href"));

        var confirm = await client.GetDocumentAsync(link.GetAttribute("href")!);

        var question = confirm.QuerySelector("#delete-question")!.TextContent;
        Assert.Equal($"Delete the interview at Acme AI (ML engineer) on {day.AddHours(10).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, 10:00?", question);
        Assert.Contains("notes, debrief, prep checklist and contacts", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Delete interview", confirm.QuerySelector("main form[method=post] button[type=submit]")!.TextContent);
        Assert.Equal($"/interviews/{id}", confirm.QuerySelector("main form a.button")!.GetAttribute("href"));
        Assert.True(await _app.QueryAsync(db => db.Interviews.AnyAsync(i => i.Id == id)), "showing the question deleted the interview");
    }

    [Fact]
    public async Task AnUnscheduledInterviewIsNamedWithoutADate()
    {
        var (client, id) = await CreateAsync(new Dictionary<string, string?> { ["Input.Company"] = "Someday Co", ["Input.Role"] = "MLE" });

        var confirm = await client.GetDocumentAsync($"/interviews/{id}/delete");

        Assert.Equal("Delete the interview at Someday Co (MLE)?", confirm.QuerySelector("#delete-question")!.TextContent);
    }

    [Fact]
    public async Task ConfirmingTheDeletionRemovesTheInterviewWithItsContactsAndChecklist()
    {
        var (client, id) = await CreateAsync();
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "Ask about the team" }, "form[action$='handler=AddAsk']");

        var response = await client.SubmitAsync($"/interviews/{id}/delete");

        Assert.Equal("/interviews", response.Location());
        Assert.Equal("The interview was deleted.", (await client.GetDocumentAsync("/interviews")).QuerySelector(".notice-success")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/interviews/{id}", UriKind.Relative))).StatusCode);
        Assert.False(await _app.QueryAsync(db => db.Set<InterviewContact>().AnyAsync(c => c.InterviewId == id)));
        Assert.False(await _app.QueryAsync(db => db.Set<PrepItem>().AnyAsync(p => p.InterviewId == id)));
    }

    [Fact]
    public async Task TheHomePageShowsTheNextInterviewWithItsCountdownAndChecklistProgress()
    {
        var (client, id) = await CreateAsync();
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "Ask about the team" }, "form[action$='handler=AddAsk']");

        var home = await client.GetDocumentAsync("/");

        Assert.Equal("Acme AI", home.QuerySelector(".dashboard-next .dashboard-value a")!.TextContent);
        Assert.Equal("in 3 days", home.QuerySelector(".dashboard-next .countdown")!.TextContent);
        Assert.Equal("0 of 1 checklist items done", home.QuerySelector(".dashboard-next .progress + p")!.TextContent);
    }
}

/// <summary>The checklist's forms answer a fetch with the checklist alone, and keep what a refused form had typed.</summary>
public sealed class ChangingTheChecklistInPlace(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private readonly AppFactory _app = fixture.App;

    private async Task<(HttpClient Client, int Id)> InterviewWithAnItemAsync()
    {
        var client = await _app.SignedInClientAsync();
        var created = await client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
        {
            ["Input.Company"] = "Fragment Co", ["Input.Role"] = "ML engineer", ["Input.Stage"] = "TechnicalScreen",
            ["Input.TimeZoneId"] = "UTC", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video",
        });
        var id = int.Parse(created.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await client.SubmitAsync($"/interviews/{id}", new Dictionary<string, string?> { ["Text"] = "What does on-call look like?" }, "form[action*='handler=AddAsk']");
        return (client, id);
    }

    private static async Task<HttpResponseMessage> FetchAsync(HttpClient client, string page, string formSelector, Dictionary<string, string?>? values = null)
    {
        var document = await client.GetDocumentAsync(page);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)document.QuerySelector(formSelector)!;
        client.DefaultRequestHeaders.Add(InterviewPrep.Web.Features.Interviews.DetailsModel.FragmentHeader, "1");
        try
        {
            return await client.SubmitAsync(form, page, values);
        }
        finally
        {
            client.DefaultRequestHeaders.Remove(InterviewPrep.Web.Features.Interviews.DetailsModel.FragmentHeader);
        }
    }

    [Fact]
    public async Task AFetchedTickAnswersTheChecklistAloneWithItsConfirmationAndCarriesNothingToTheNextPage()
    {
        var (client, id) = await InterviewWithAnItemAsync();

        var ticked = await FetchAsync(client, $"/interviews/{id}", "#checklist form[action*='handler=Toggle']");
        var fragment = await Html.ParseAsync(await ticked.Content.ReadAsStringAsync());
        var next = await client.GetDocumentAsync($"/interviews/{id}");

        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        Assert.Null(fragment.QuerySelector("h1")); // not the page: the checklist's section alone
        Assert.Equal("Done: What does on-call look like?", fragment.QuerySelector("#checklist [data-checklist-status]")!.TextContent);
        Assert.Equal("true", fragment.QuerySelector("#checklist button.check")!.GetAttribute("aria-pressed"));
        Assert.Equal("", next.QuerySelector("[data-checklist-status]")!.TextContent);
        Assert.True(await _app.QueryAsync(db => db.Set<PrepItem>().Where(i => i.InterviewId == id).Select(i => i.IsDone).SingleAsync()));
    }

    [Fact]
    public async Task WithoutScriptATickComesBackToTheChecklistWithItsConfirmationThere()
    {
        var (client, id) = await InterviewWithAnItemAsync();

        var ticked = await client.SubmitAsync($"/interviews/{id}", formSelector: "#checklist form[action*='handler=Toggle']");
        var page = await client.GetDocumentAsync(ticked.Location());

        Assert.Equal($"/interviews/{id}#checklist", ticked.Location());
        Assert.Equal("Done: What does on-call look like?", page.QuerySelector("#checklist [data-checklist-status]")!.TextContent);
        Assert.Null(page.QuerySelector(".interview-head + .notice"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFailedLookUpKeepsWhatWasTypedAndSaysWhyBesideTheField(bool fetched)
    {
        var (client, id) = await InterviewWithAnItemAsync();
        var typed = new Dictionary<string, string?> { ["Text"] = "zzqx nothing like this" };

        var refused = fetched
            ? await FetchAsync(client, $"/interviews/{id}", "form[action*='handler=AddQuestion']", typed)
            : await client.SubmitAsync($"/interviews/{id}", typed, "form[action*='handler=AddQuestion']");
        var answer = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("zzqx nothing like this", answer.QuerySelector("#add-question")!.GetAttribute("value"));
        Assert.Equal("No question matches “zzqx nothing like this”; try other words.", answer.QuerySelector("#add-question-error")!.TextContent);
        Assert.Null(answer.QuerySelector("#add-ask")!.GetAttribute("value")); // only the form that was sent keeps its text
        Assert.Null(answer.QuerySelector(".form-errors")); // said beside the field, not above the page
    }

    [Fact]
    public async Task AnotherUsersChecklistAnswers404ToAFetch()
    {
        var (_, id) = await InterviewWithAnItemAsync();
        var intruder = await _app.SignedInClientAsync();
        var token = (await intruder.GetDocumentAsync("/interviews/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var itemId = await _app.QueryAsync(db => db.Set<PrepItem>().Where(i => i.InterviewId == id).Select(i => i.Id).SingleAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/interviews/{id}?handler=Toggle&itemId={itemId}", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add(InterviewPrep.Web.Features.Interviews.DetailsModel.FragmentHeader, "1");

        var answer = await intruder.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.False(await _app.QueryAsync(db => db.Set<PrepItem>().Where(i => i.Id == itemId).Select(i => i.IsDone).SingleAsync()));
    }
}
