using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class RehearsingAMockRound(BrowserFixture browser)
{
    private static async Task NoSeriousAxeViolationAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))})").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private static async Task<int> OverflowAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Theory]
    [InlineData(390, 844, ColorScheme.Light)]
    [InlineData(1280, 900, ColorScheme.Dark)]
    public async Task ACandidateTypesAnAnswerReloadsKeepsTheDraftScoresItAndSeesTheReport(int width, int height, ColorScheme scheme)
    {
        var page = await browser.NewPageAsync(width, height, scheme);
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, $"mock-round-{width}", async () =>
        {
            await StudyingFlashcards.SignUpAsync(page);
            await page.GotoAsync("/mock");
            await NoSeriousAxeViolationAsync(page);
            await Journey.ShowAsync(page, $"mock-start-{width}");
            await page.GetByLabel("ML fundamentals screen").CheckAsync();
            await page.GetByLabel("Length").SelectOptionAsync("15");
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the round" }).ClickAsync();

            // The clock ticks without a page load.
            var clock = page.Locator(".mock-clock-time").First;
            await Assertions.Expect(clock).ToHaveTextAsync("5:00");
            await Assertions.Expect(clock).Not.ToHaveTextAsync("5:00", new() { Timeout = 5000 });

            // Typing is saved on the server as it goes: a reload keeps it.
            var box = page.GetByLabel("Your answer", new() { Exact = true });
            await box.FillAsync("Overfitting is when the model learns the noise of its training set.");
            await Assertions.Expect(page.Locator("[data-draft-status]")).ToHaveTextAsync("Draft saved.", new() { Timeout = 10000 });
            await NoSeriousAxeViolationAsync(page);
            Assert.True(await OverflowAsync(page) <= 0, "the answer page scrolls sideways");
            await Journey.ShowAsync(page, $"mock-answer-{width}");
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByLabel("Your answer", new() { Exact = true })).ToHaveValueAsync("Overfitting is when the model learns the noise of its training set.");

            await page.GetByRole(AriaRole.Button, new() { Name = "Submit answer" }).ClickAsync();
            await Assertions.Expect(page.Locator(".mock-typed")).ToContainTextAsync("learns the noise");
            var points = page.Locator(".key-point input");
            Assert.InRange(await points.CountAsync(), 3, 6);
            await points.First.CheckAsync();
            foreach (var scale in await page.Locator(".signal-scale").AllAsync())
            {
                await scale.Locator(".signal-level").Nth(2).ClickAsync();
            }
            await NoSeriousAxeViolationAsync(page);
            Assert.True(await OverflowAsync(page) <= 0, "the scoring page scrolls sideways");
            await Journey.ShowAsync(page, $"mock-score-{width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the score" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "End the round here" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Round report");
            await Assertions.Expect(page.Locator(".mock-report tbody tr")).ToHaveCountAsync(3);
            await NoSeriousAxeViolationAsync(page);
            Assert.True(await OverflowAsync(page) <= 0, "the report scrolls sideways");
            await Journey.ShowAsync(page, $"mock-report-{width}");

            await page.GotoAsync("/mock/history");
            await Assertions.Expect(page.Locator(".trend-chart svg")).ToBeVisibleAsync();
            await NoSeriousAxeViolationAsync(page);
            await Journey.ShowAsync(page, $"mock-history-{width}");
            Assert.Empty(errors);
        });
    }

    [Fact]
    public async Task ASpokenAnswerIsRecordedSentWithTheAnswerAndPlayedBack()
    {
        var page = await browser.NewPageAsync(390, 844);
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, "mock-recording", async () =>
        {
            await StudyingFlashcards.SignUpAsync(page);
            await page.GotoAsync("/mock");
            await page.GetByLabel("Behavioral").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start the round" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
            await Assertions.Expect(page.Locator(".recorder-status")).ToHaveTextAsync("Recording… 0:02", new() { Timeout = 10000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
            await Assertions.Expect(page.Locator(".recorder-status")).ToContainTextAsync("It is sent with the answer");
            await Assertions.Expect(page.Locator(".recorder audio")).ToBeVisibleAsync();
            await Journey.ShowAsync(page, "mock-recorded-390");
            await page.GetByRole(AriaRole.Button, new() { Name = "I answered out loud" }).ClickAsync();

            var audio = page.Locator("audio.mock-audio");
            await Assertions.Expect(audio).ToBeVisibleAsync();
            var bytes = await page.EvaluateAsync<int>("async () => { const r = await fetch(document.querySelector('audio.mock-audio').src); return r.ok ? (await r.arrayBuffer()).byteLength : -r.status; }");
            Assert.True(bytes > 1000, $"the recording has {bytes} bytes");
            await page.EvaluateAsync("() => new Promise((resolve, reject) => { const a = document.querySelector('audio.mock-audio'); if (a.readyState >= 1) resolve(); a.onloadedmetadata = resolve; a.onerror = () => reject(new Error('the recording does not play')); a.load(); })");
            await NoSeriousAxeViolationAsync(page);
            Assert.Empty(errors);
        });
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task AnInterviewInAWeekOffersARoundOnTheHomePageAndItsPageShowsTheRounds(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, $"mock-interview-{width}", async () =>
        {
            await StudyingFlashcards.SignUpAsync(page);
            await page.GotoAsync("/interviews/new");
            await page.GetByLabel("Company").FillAsync("Acme Vision");
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync("ML engineer");
            await page.Locator("#Input_Date").FillAsync(DateTime.UtcNow.AddDays(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#Input_Time").FillAsync("10:00");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Acme Vision");

            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Button, new() { Name = "Rehearse a 15-minute round now" }).ClickAsync();
            await Assertions.Expect(page.Locator(".breadcrumbs")).ToContainTextAsync("For Acme Vision");
            await page.GetByRole(AriaRole.Button, new() { Name = "I answered out loud" }).ClickAsync();
            foreach (var scale in await page.Locator(".signal-scale").AllAsync())
            {
                await scale.Locator(".signal-level").Nth(1).ClickAsync();
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the score" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "End the round here" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Round report");

            await page.GotoAsync("/interviews");
            await page.GetByRole(AriaRole.Link, new() { Name = "Acme Vision" }).First.ClickAsync();
            await Assertions.Expect(page.Locator("#mock-rounds li")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#mock-rounds .readiness-figure")).ToBeVisibleAsync();
            await NoSeriousAxeViolationAsync(page);
            Assert.True(await OverflowAsync(page) <= 0, "the interview page scrolls sideways");
            await Journey.ShowAsync(page, $"mock-interview-{width}");
            Assert.Empty(errors);
        });
    }
}
