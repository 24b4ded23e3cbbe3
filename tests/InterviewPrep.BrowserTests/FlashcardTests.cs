using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed class StudyingFlashcards(BrowserFixture browser)
{
    /// <summary>Registers a new account through the real form; the page is left signed in.</summary>
    internal static async Task SignUpAsync(IPage page)
    {
        await page.GotoAsync("/Identity/Account/Register");
        await page.Locator("#Input_Email").FillAsync($"cards-{Guid.NewGuid():N}@example.com");
        await page.Locator("#Input_Password").FillAsync("correct horse battery");
        await page.Locator("#Input_TimeZoneId").SelectOptionAsync("Europe/Berlin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator(".site-account a[href='/account']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ANewUserStudiesADeckWithTheKeyboardAloneAndUndoes()
    {
        var page = await browser.NewPageAsync();
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, nameof(ANewUserStudiesADeckWithTheKeyboardAloneAndUndoes), async () =>
        {
            await SignUpAsync(page);
            await page.GotoAsync("/flashcards");
            await page.Locator(".deck-table a.deck-name", new() { HasTextString = "Theoretical concepts" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/flashcards/review\\?deck=category(:|%3A)theory$"));
            // A marker that a full page load would wipe: the flips and next cards must come without one.
            await page.EvaluateAsync("() => window.__samePage = true");

            var front = page.Locator("#card-front");
            var first = await front.TextContentAsync();
            await Assertions.Expect(page.Locator("[data-back]")).ToBeHiddenAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("[data-back]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".grade-button")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator(".grade-good .grade-interval")).ToHaveTextAsync("10 min");

            await page.Keyboard.PressAsync("3");
            await Assertions.Expect(front).Not.ToHaveTextAsync(first!);
            await Assertions.Expect(page.Locator(".review-counts .count-learning dd")).ToHaveTextAsync("1");
            var second = await front.TextContentAsync();
            await Assertions.Expect(page.Locator("[data-back]")).ToBeHiddenAsync();

            await page.Keyboard.PressAsync("u");
            await Assertions.Expect(front).ToHaveTextAsync(first!);
            await Assertions.Expect(page.Locator("[data-review-message]")).ToContainTextAsync("back exactly as it was");
            await Assertions.Expect(page.Locator(".review-counts .count-learning dd")).ToHaveTextAsync("0");

            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("4");
            await Assertions.Expect(front).ToHaveTextAsync(second!);
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("1");
            await Assertions.Expect(front).Not.ToHaveTextAsync(second!);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"));
            // Only two of the three grades count: the undone one is in the log as undone.
            await page.GotoAsync("/flashcards/stats");
            await Assertions.Expect(page.Locator(".stat").Nth(3).Locator("dd")).ToHaveTextAsync("2");

            await page.GotoAsync("/flashcards/review?deck=category:theory");
            var question = await front.TextContentAsync();
            await page.Keyboard.PressAsync("e");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(question!);
            Assert.Empty(errors);
        });
    }

    [Fact]
    public async Task CramWalksTheDeckAndTheStatsPageDrawsItsCharts()
    {
        var page = await browser.NewPageAsync();
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, nameof(CramWalksTheDeckAndTheStatsPageDrawsItsCharts), async () =>
        {
            await SignUpAsync(page);
            await page.GotoAsync("/flashcards/review?deck=category:statistics&cram=1");
            await Assertions.Expect(page.Locator(".review-mode")).ToContainTextAsync("nothing is recorded");
            await Assertions.Expect(page.Locator(".review-progress")).ToHaveTextAsync(new Regex("^Card 1 of \\d+$"));
            var first = await page.Locator("#card-front").TextContentAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("[data-back]")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator(".review-progress")).ToHaveTextAsync(new Regex("^Card 2 of \\d+$"));
            await Assertions.Expect(page.Locator("#card-front")).Not.ToHaveTextAsync(first!);
            await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.Locator(".review-progress")).ToHaveTextAsync(new Regex("^Card 2 of \\d+$")); // Next needs the answer first
            await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("ArrowLeft");
            await Assertions.Expect(page.Locator("#card-front")).ToHaveTextAsync(first!);

            await page.GotoAsync("/flashcards/stats");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Flashcard stats");
            await Assertions.Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("ul.recall-bars[aria-label='Mean recall per category'] li")).ToHaveCountAsync(10);
            await Assertions.Expect(page.Locator(".stat").Nth(3).Locator("dd")).ToHaveTextAsync("0"); // cramming recorded nothing
            await Assertions.Expect(page.Locator("#forecast-chart-desc")).ToHaveTextAsync("None in these 30 days.");
            Assert.Empty(errors);
        });
    }

    [Fact]
    public async Task FinishingASessionShowsItsSummary()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(page, nameof(FinishingASessionShowsItsSummary), async () =>
        {
            await SignUpAsync(page);
            await page.GotoAsync("/flashcards/review?deck=all");
            var front = page.Locator("#card-front");
            string[] grades = ["1", "3"];
            foreach (var key in grades)
            {
                var before = await front.TextContentAsync();
                await page.Keyboard.PressAsync("Space");
                await Assertions.Expect(page.Locator("[data-back]")).ToBeVisibleAsync();
                await page.Keyboard.PressAsync(key);
                await Assertions.Expect(front).Not.ToHaveTextAsync(before!);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Finish" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your study session");
            await Assertions.Expect(page.Locator(".stat dd").First).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("#weakest-heading + ul li")).ToHaveCountAsync(1);
            var result = await page.RunAxe();
            Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
            await Journey.ShowAsync(page, "session-summary-390");
        });
    }

    [Fact]
    public async Task OnAPhoneTheGradeButtonsAreInReachAfterTheRevealAndNeverCoverTheAnswer()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        await Journey.RunAsync(page, nameof(OnAPhoneTheGradeButtonsAreInReachAfterTheRevealAndNeverCoverTheAnswer), async () =>
        {
            await SignUpAsync(page);
            await page.GotoAsync("/flashcards/review?deck=all");
            await page.GetByRole(AriaRole.Link, new() { Name = "Show answer" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-back]")).ToBeVisibleAsync();
            await Journey.ShowAsync(page, "review-revealed-390");

            // In the window as soon as the answer shows: one row of four, the last one whole.
            var buttons = await page.EvaluateAsync<double[][]>("() => [...document.querySelectorAll('.grade-button')].map(b => { const r = b.getBoundingClientRect(); return [r.top, r.bottom]; })");
            Assert.Equal(4, buttons.Length);
            Assert.All(buttons, b => Assert.True(b[0] >= 0 && b[1] <= 844, $"a grade button is at {b[0]}-{b[1]}px of an 844px window"));
            Assert.Single(buttons.Select(b => Math.Round(b[0])).Distinct());

            // At the end of the page the answer's last line sits above the buttons, not under them.
            await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            var ends = await page.EvaluateAsync<double[]>("() => [document.querySelector('[data-back]').getBoundingClientRect().bottom, document.querySelector('.grade-form').getBoundingClientRect().top]");
            Assert.True(ends[0] <= ends[1] + 0.5, $"the answer ends at {ends[0]}px, under the buttons that start at {ends[1]}px");
        });
    }

    [Theory]
    [InlineData("/flashcards")]
    [InlineData("/flashcards/review?deck=all")]
    [InlineData("/flashcards/review?deck=all&reveal=1")]
    [InlineData("/flashcards/stats")]
    [InlineData("/flashcards/cards")]
    [InlineData("/flashcards/cards/new")]
    [InlineData("/flashcards/cards/own/edit")]
    [InlineData("/flashcards/import")]
    [InlineData("/flashcards/settings")]
    public async Task FlashcardPagesFitAPhoneAndPassAnAxeScanInBothThemes(string url)
    {
        foreach (var (width, scheme) in new[] { (360, ColorScheme.Light), (1280, ColorScheme.Dark) })
        {
            var page = await browser.NewPageAsync(width: width, height: 780, scheme: scheme);
            await Journey.RunAsync(page, $"flashcards-{Regex.Replace(url, "[^a-z]+", "-")}-{width}-{scheme}", async () =>
            {
                await SignUpAsync(page);
                if (url.EndsWith("reveal=1", StringComparison.Ordinal))
                {
                    await page.GotoAsync("/flashcards/review?deck=all");
                    await page.Keyboard.PressAsync("Space");
                    await Assertions.Expect(page.Locator("[data-back]")).ToBeVisibleAsync();
                    // The answer is scrolled to, and its start is in view: not under the header, as it was under the
                    // sticky one (and on a phone under both of its rows).
                    var edges = await page.EvaluateAsync<double[]>(
                        "() => [document.querySelector('[data-back]').getBoundingClientRect().top, document.querySelector('.site-header').getBoundingClientRect().bottom, window.scrollY]");
                    Assert.True(edges[2] > 0, "the page did not scroll to the answer");
                    Assert.True(edges[0] >= edges[1] - 0.5 && edges[0] < 780, $"the answer starts at {edges[0]}px, the header ends at {edges[1]}px");
                }
                else if (url.StartsWith("/flashcards/cards/own", StringComparison.Ordinal) || url == "/flashcards/cards")
                {
                    // A card of one's own, with a word too long for a phone's line, as a pasted link or tag would be.
                    await page.GotoAsync("/flashcards/cards/new");
                    await page.Locator("#Input_Front").FillAsync("Which paper introduced https://example.com/a-very-long-path/that-does-not-break/anywhere?");
                    await page.Locator("#Input_Back").FillAsync("Attention is all you need.");
                    await page.Locator("#Input_Tags").FillAsync("averyveryverylongtagwithoutanyspacesatall");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Save card" }).ClickAsync();
                    await page.GotoAsync("/flashcards/cards");
                    if (url != "/flashcards/cards")
                    {
                        await page.Locator(".own-card-front").First.ClickAsync();
                        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit card");
                    }
                }
                else
                {
                    await page.GotoAsync(url);
                }
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Journey.ShowAsync(page, $"flashcards-{Regex.Replace(url, "[^a-z]+", "-")}-{width}-{scheme}");

                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{url} is {overflow}px wider than {width}px");
                var result = await page.RunAxe();
                var serious = result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
                    .ToList();
                Assert.True(serious.Count == 0, string.Join('\n', serious));
            });
        }
    }
}
