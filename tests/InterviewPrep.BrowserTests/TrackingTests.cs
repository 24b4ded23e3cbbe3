using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class TrackingAnInterview(BrowserFixture browser)
{
    private static async Task RegisterAsync(IPage page)
    {
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("E-mail").FillAsync($"candidate-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("a long and memorable phrase");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/London");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/interviews$"));
    }

    /// <summary>An axe scan of the page finds nothing serious or critical; the message names each violation and where.</summary>
    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
    }

    [Fact]
    public async Task ANewUserAddsAnInterviewPrepsForItAndLogsPractice()
    {
        var page = await browser.NewPageAsync();
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, nameof(ANewUserAddsAnInterviewPrepsForItAndLogsPractice), async () =>
        {
            await RegisterAsync(page);
            await Journey.ShowAsync(page, "interviews-empty");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add your first interview" }).ClickAsync();

            var date = DateTime.UtcNow.Date.AddDays(4);
            await page.GetByLabel("Company").FillAsync("Deep Thought Labs");
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Machine learning engineer");
            await page.GetByLabel("Stage").SelectOptionAsync("TechnicalScreen");
            await page.GetByLabel("Date").FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Time", new() { Exact = true }).FillAsync("14:30");
            await page.GetByLabel("Meeting link or place").FillAsync("https://meet.example.com/xyz");
            await page.Locator("#Input_Contacts_0__Name").FillAsync("Ada Lovelace");
            await Journey.ShowAsync(page, "interview-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Deep Thought Labs");
            await Assertions.Expect(page.Locator(".facts .countdown")).ToHaveTextAsync(new Regex(@"^in (3|4) days$"));

            await page.GetByLabel("Review a category").SelectOptionAsync(new SelectOptionValue { Label = "Practical applications" });
            await page.Locator("form[action*='handler=AddCategory'] button").ClickAsync();
            await page.GetByLabel("A question to ask them").FillAsync("What would my first project be?");
            await page.Locator("form[action$='handler=AddAsk'] button").ClickAsync();
            await Assertions.Expect(page.Locator(".checklist-item")).ToHaveCountAsync(2);

            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done: Practical applications" }).ClickAsync();
            await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("1 of 2 done");
            await Journey.ShowAsync(page, "interview-details");

            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator(".dashboard-next .dashboard-value a")).ToHaveTextAsync("Deep Thought Labs");
            await Journey.ShowAsync(page, "home-signed-in");

            await page.GotoAsync("/practice/new");
            await page.GetByLabel("Minutes").FillAsync("45");
            await page.GetByLabel("Kind").SelectOptionAsync("MockInterview");
            await page.GetByLabel("Practical applications").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Log practice" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/practice$"));
            await Assertions.Expect(page.Locator(".heatmap rect.heat-2")).Not.ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".stat dd").First).ToHaveTextAsync("1 day");
            await Journey.ShowAsync(page, "practice");

            // Deleting asks first, and Cancel leaves the interview alone.
            await page.GotoAsync("/interviews");
            await page.GetByRole(AriaRole.Link, new() { Name = "Deep Thought Labs" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Delete interview" }).ClickAsync();
            await Assertions.Expect(page.Locator("#delete-question")).ToContainTextAsync("Delete the interview at Deep Thought Labs (Machine learning engineer) on ");
            await Journey.ShowAsync(page, "interview-delete");
            await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Deep Thought Labs");
            await page.GetByRole(AriaRole.Link, new() { Name = "Delete interview" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete interview" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/interviews$"));
            await Assertions.Expect(page.Locator(".notice-success")).ToHaveTextAsync("The interview was deleted.");
            Assert.Empty(errors);
        });
    }

    [Fact]
    public async Task ARefusedFormKeepsItsFieldsInLineWhenAnErrorIsLongerThanItsNeighbours()
    {
        var page = await browser.NewPageAsync();
        await Journey.RunAsync(page, nameof(ARefusedFormKeepsItsFieldsInLineWhenAnErrorIsLongerThanItsNeighbours), async () =>
        {
            await RegisterAsync(page);
            await page.GotoAsync("/interviews/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            // Company's error takes one line and Role's two at this width; Stage has none.
            await Assertions.Expect(page.Locator("#Input_Role ~ .field-error")).ToHaveTextAsync("Enter the role you are interviewing for.");
            await Journey.ShowAsync(page, "interview-form-refused");

            var company = (await page.Locator("#Input_Company").BoundingBoxAsync())!;
            var role = (await page.Locator("#Input_Role").BoundingBoxAsync())!;
            var stage = (await page.Locator("#Input_Stage").BoundingBoxAsync())!;
            var round = (await page.Locator("#Input_RoundName").BoundingBoxAsync())!;
            Assert.Equal(role.Y, company.Y, 0.5);
            Assert.Equal(role.Y, stage.Y, 0.5);
            // Each control keeps the height it has without an error: a field beside a taller one is not stretched.
            Assert.Equal(round.Height, company.Height, 0.5);
            Assert.Equal(round.Height, role.Height, 0.5);
            Assert.True(stage.Height <= round.Height + 0.5, $"the stage select is {stage.Height}px tall, an input {round.Height}px");
        });
    }

    [Fact]
    public async Task OnAPhoneThePracticeHeatmapOpensOnTheLatestWeeksWithTheNextInterviewMarked()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(page, "practice-heatmap-390", async () =>
        {
            await RegisterAsync(page);
            await page.GotoAsync("/interviews/new");
            await page.GetByLabel("Company").FillAsync("Heatmap AG");
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync("ML engineer");
            await page.Locator("#Input_Date").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#Input_Time").FillAsync("10:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Heatmap AG");

            await page.GotoAsync("/practice");
            var interview = page.Locator(".heatmap rect.heat-interview");
            await Assertions.Expect(interview).ToHaveCountAsync(1);
            // Without a script: the latest weeks and the interview are in view, the year before is to the left.
            var box = (await interview.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the interview's day is at {box.X}px of a 390px screen");
            var first = (await page.Locator(".heatmap svg[role=img] rect").First.BoundingBoxAsync())!;
            Assert.True(first.X < 0, "the heatmap did not open on its latest weeks");
            await Journey.ShowAsync(page, "practice-heatmap-390");
        });
    }

    [Fact]
    public async Task ANewAccountTakesTheBrowsersTimeZoneAndTheInterviewFormSaysWhichZoneItsTimesAreIn()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844, timeZone: "Europe/Berlin");
        await Journey.RunAsync(page, "time-zone-guessed", async () =>
        {
            await page.GotoAsync("/Identity/Account/Register");
            await Assertions.Expect(page.Locator("#Input_TimeZoneId")).ToHaveValueAsync("Europe/Berlin");
            await page.Locator("#Input_Email").FillAsync($"zone-{Guid.NewGuid():N}@example.com");
            await page.Locator("#Input_Password").FillAsync("correct horse battery");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(page.Locator(".site-account a[href='/account']")).ToBeVisibleAsync();

            await page.GotoAsync("/interviews/new");
            await Assertions.Expect(page.Locator(".zone-choice summary")).ToHaveTextAsync("Times in Europe/Berlin, change");
            await Assertions.Expect(page.Locator("#Input_TimeZoneId")).ToBeHiddenAsync();
            await Journey.ShowAsync(page, "interview-form-zone-390");
            await page.Locator(".zone-choice summary").ClickAsync();
            await Assertions.Expect(page.Locator("#Input_TimeZoneId")).ToBeVisibleAsync();

            // 10:00 entered by a Berlin user is 09:00 UTC in winter, and the calendar feed says so.
            await page.GetByLabel("Company").FillAsync("Zone GmbH");
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync("ML engineer");
            await page.Locator("#Input_Date").FillAsync("2027-01-15");
            await page.Locator("#Input_Time").FillAsync("10:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Zone GmbH");
            var calendar = await page.EvaluateAsync<string>("async () => (await fetch(document.querySelector('a[href$=\"calendar.ics\"]').href)).text()");
            Assert.Contains("DTSTART:20270115T090000Z", calendar, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("/interviews")]
    [InlineData("/interviews/new")]
    [InlineData("/practice")]
    [InlineData("/practice/new")]
    [InlineData("/account")]
    public async Task TrackerPagesPassAnAxeScanAndFitAPhone(string url)
    {
        var page = await browser.NewPageAsync(width: 360, height: 780);
        await Journey.RunAsync(page, "tracker-" + url.Replace('/', '-'), async () =>
        {
            await RegisterAsync(page);
            if (url == "/interviews")
            {
                await page.GotoAsync("/interviews/new");
                await page.GetByLabel("Company").FillAsync("Phone Width Inc");
                await page.GetByLabel("Role", new() { Exact = true }).FillAsync("Data scientist");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
                await Journey.ShowAsync(page, "phone-interview-details");
                var details = await page.RunAxe();
                Assert.Empty(details.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
                await page.GetByRole(AriaRole.Link, new() { Name = "Delete interview" }).ClickAsync();
                await Journey.ShowAsync(page, "phone-interview-delete");
                var confirm = await page.RunAxe();
                Assert.Empty(confirm.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
            }
            await page.GotoAsync(url);
            await Journey.ShowAsync(page, "phone" + url.Replace('/', '-'));

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a 360px phone");
            await AssertNoSeriousViolationsAsync(page);
        });
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task FromAQuestionPageAUserSuspendsItsCardPutsItOnAChecklistAndKeepsANote(int width, int height)
    {
        var page = await browser.NewPageAsync(width: width, height: height);
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, $"question-prep-{width}", async () =>
        {
            await RegisterAsync(page);
            await page.GotoAsync("/interviews/new");
            await page.GetByLabel("Company").FillAsync("Gradient Labs");
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync("ML engineer");
            await page.GetByLabel("Date").FillAsync(DateTime.UtcNow.Date.AddDays(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Time", new() { Exact = true }).FillAsync("10:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gradient Labs");

            await page.GotoAsync("/questions/bias-variance-tradeoff");
            await Assertions.Expect(page.Locator(".prep-state")).ToHaveTextAsync(new Regex("New: not studied yet"));
            // The card's state and "Study now" are in the first screen, above the answer.
            var bar = await page.Locator(".prep-bar").BoundingBoxAsync();
            Assert.True(bar is not null && bar.Y + bar.Height <= height, $"the prep bar ends at {bar?.Y + bar?.Height}px, below the first {height}px");
            await Journey.ShowPartAsync(page, $"question-prep-bar-{width}");

            await page.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#your-prep .notice")).ToHaveTextAsync(new Regex("^Suspended"));
            await Assertions.Expect(page.Locator(".prep-state")).ToHaveTextAsync(new Regex("Suspended"));

            await page.GetByLabel("Add to an interview's checklist").SelectOptionAsync(new SelectOptionValue { Index = 0 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#your-prep .notice")).ToHaveTextAsync("Added to the checklist for Gradient Labs.");

            await page.GetByLabel("Your private note").FillAsync("Draw the **U-shaped** curve first.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
            await Assertions.Expect(page.Locator(".prep-note-shown strong")).ToHaveTextAsync("U-shaped");
            await Journey.ShowPartAsync(page, $"question-prep-panel-{width}", page.Locator("#your-prep"));

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"the question page is {overflow}px wider than the {width}px window");
            await AssertNoSeriousViolationsAsync(page);

            // The list marks the suspended question and finds it by that state.
            await page.GotoAsync("/questions");
            await page.GetByLabel("Your cards").SelectOptionAsync("suspended");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Assertions.Expect(page.Locator(".question-card")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".question-card .card-standing")).ToHaveTextAsync(new Regex("Suspended"));
            await Journey.ShowPartAsync(page, $"question-list-mine-{width}");
            await AssertNoSeriousViolationsAsync(page);

            await page.GotoAsync("/interviews");
            await page.GetByRole(AriaRole.Link, new() { Name = "Gradient Labs" }).First.ClickAsync();
            await Assertions.Expect(page.Locator(".checklist a[href='/questions/bias-variance-tradeoff']")).ToHaveCountAsync(1);
            Assert.Empty(errors);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AChecklistItemIsTickedAndAddedWhereItIsAndAFailedLookUpKeepsWhatWasTyped(bool javaScript)
    {
        var page = await browser.NewPageAsync(width: 390, height: 844, javaScript: javaScript);
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, $"checklist-in-place-{(javaScript ? "js" : "nojs")}", async () =>
        {
            // Registering without JavaScript leaves the time zone to the form's default; that is all it changes here.
            await page.GotoAsync("/Identity/Account/Register");
            await page.GetByLabel("E-mail").FillAsync($"ticker-{Guid.NewGuid():N}@example.com");
            await page.GetByLabel("Password").FillAsync("a long and memorable phrase");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await page.GotoAsync("/interviews/new");
            await page.GetByLabel("Company").FillAsync("Tick Tock AI");
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync("ML engineer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            await page.GetByLabel("A question to ask them").FillAsync("How is model quality measured?");
            await page.Locator("form[action$='handler=AddAsk'] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-checklist-status]")).ToHaveTextAsync("Added: How is model quality measured?");
            if (javaScript)
            {
                await page.EvaluateAsync("() => window.stillThisPage = true");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done: How is model quality measured?" }).ClickAsync();
            await Assertions.Expect(page.Locator(".progress-label")).ToHaveTextAsync("1 of 1 done");
            await Assertions.Expect(page.Locator("[data-checklist-status]")).ToHaveTextAsync("Done: How is model quality measured?");
            // The confirmation is on screen, beside the checklist, not at the top of a reloaded page.
            var status = await page.Locator("[data-checklist-status]").BoundingBoxAsync(); // relative to the window
            Assert.True(status is not null && status.Y >= 0 && status.Y + status.Height <= 844, $"the confirmation is at {status?.Y}px in an 844px window");

            await page.GetByLabel("Review a question").FillAsync("zzqx nothing like this");
            await page.Locator("form[action$='handler=AddQuestion'] button").ClickAsync();
            await Assertions.Expect(page.Locator("#add-question-error")).ToHaveTextAsync("No question matches “zzqx nothing like this”; try other words.");
            await Assertions.Expect(page.GetByLabel("Review a question")).ToHaveValueAsync("zzqx nothing like this");
            await Journey.ShowPartAsync(page, $"checklist-in-place-{(javaScript ? "js" : "nojs")}", page.Locator("#checklist"));

            if (javaScript)
            {
                // No page was loaded: the checklist was swapped in place, and focus is back in the form that was used.
                Assert.True(await page.EvaluateAsync<bool>("() => window.stillThisPage === true"));
                Assert.Equal("add-question", await page.EvaluateAsync<string>("() => document.activeElement.id"));
                await AssertNoSeriousViolationsAsync(page); // axe runs as a script: only where scripts run (the markup is the same)
            }
            Assert.Empty(errors);
        });
    }
}
