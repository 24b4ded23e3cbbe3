using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

[Collection(BrowserGroup.Name)]
public sealed partial class BrowsingQuestions(BrowserFixture browser)
{
    [Fact]
    public async Task SearchOpenAResultAndGoToTheNextQuestion()
    {
        var page = await browser.NewPageAsync();
        var errors = Journey.CollectErrors(page);
        await Journey.RunAsync(page, nameof(SearchOpenAResultAndGoToTheNextQuestion), async () =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search questions" }).FillAsync("overfitting");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/questions\\?q=overfitting"));
            var first = page.Locator(".question-card-title a").First;
            await Assertions.Expect(first.Locator("mark")).Not.ToHaveCountAsync(0);
            await first.ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("overfitting", new() { IgnoreCase = true });
            var title = await page.Locator("h1").TextContentAsync();
            await page.Locator(".prev-next a[rel=next]").ClickAsync();

            await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync(title!);
            await Assertions.Expect(page.Locator(".question-section h2").First).ToHaveTextAsync("Answer");
            Assert.Empty(errors);
        });
    }

    [Fact]
    public async Task TheThemeToggleSwitchesToDarkAndIsRemembered()
    {
        var page = await browser.NewPageAsync(scheme: ColorScheme.Light);
        await Journey.RunAsync(page, nameof(TheThemeToggleSwitchesToDarkAndIsRemembered), async () =>
        {
            await page.GotoAsync("/questions/precision-and-recall");
            var before = await BackgroundAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();

            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
            Assert.NotEqual(before, await BackgroundAsync(page));
        });
    }

    [Fact]
    public async Task TheSystemDarkSchemeIsFollowedWithoutAChoice()
    {
        var page = await browser.NewPageAsync(scheme: ColorScheme.Dark);
        await Journey.RunAsync(page, nameof(TheSystemDarkSchemeIsFollowedWithoutAChoice), async () =>
        {
            await page.GotoAsync("/");
            Assert.Equal("rgb(17, 19, 24)", await BackgroundAsync(page));
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
        });
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/questions")]
    [InlineData("/questions?q=gradient+descent")]
    [InlineData("/questions/implement-kmeans-numpy")]
    [InlineData("/questions/bias-variance-tradeoff")]
    [InlineData("/categories/statistics")]
    [InlineData("/guides/ask-the-interviewer")]
    [InlineData("/not-found")]
    public async Task APhoneWidthPageDoesNotScrollSideways(string url)
    {
        var page = await browser.NewPageAsync(width: 360, height: 780);
        await Journey.RunAsync(page, "phone-" + Slug(url), async () =>
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a 360px phone");
            await Assertions.Expect(page.Locator(".site-nav")).ToBeVisibleAsync();
        });
    }

    [Theory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/questions", ColorScheme.Light)]
    [InlineData("/questions?q=precision", ColorScheme.Dark)]
    [InlineData("/questions/precision-and-recall", ColorScheme.Light)]
    [InlineData("/questions/precision-and-recall", ColorScheme.Dark)]
    [InlineData("/questions/implement-kmeans-numpy", ColorScheme.Dark)]
    [InlineData("/categories/theory", ColorScheme.Light)]
    [InlineData("/guides", ColorScheme.Light)]
    [InlineData("/guides/faq", ColorScheme.Dark)]
    [InlineData("/no-such-page", ColorScheme.Light)]
    public async Task AnAxeScanFindsNoSeriousViolation(string url, ColorScheme scheme)
    {
        var page = await browser.NewPageAsync(scheme: scheme);
        await Journey.RunAsync(page, $"axe-{Slug(url)}-{scheme}", async () =>
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            var result = await page.RunAxe();

            var serious = result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
                .ToList();
            Assert.True(serious.Count == 0, string.Join('\n', serious));
        });
    }

    [Fact]
    public async Task KeyboardUsersCanSkipToTheContentAndSeeFocus()
    {
        var page = await browser.NewPageAsync();
        await Journey.RunAsync(page, nameof(KeyboardUsersCanSkipToTheContentAndSeeFocus), async () =>
        {
            await page.GotoAsync("/questions/overfitting");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
            var outline = await page.Locator(".skip-link").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
            Assert.Equal("solid", outline);

            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("#main$"));

            await page.Keyboard.PressAsync("/");
            await Assertions.Expect(page.Locator("input[type=search]")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task SlashFocusesTheSearchBox()
    {
        var page = await browser.NewPageAsync();
        await Journey.RunAsync(page, nameof(SlashFocusesTheSearchBox), async () =>
        {
            await page.GotoAsync("/questions");
            await page.Keyboard.PressAsync("/");
            await Assertions.Expect(page.Locator("#q")).ToBeFocusedAsync();
        });
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static string Slug(string url) => SlugPattern().Replace(url, "-").Trim('-') is { Length: > 0 } s ? s : "home";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();
}
