using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

/// <summary>The XSS corpus typed into the app through its forms; a real browser then loads each page and no script may run.</summary>
[Collection(BrowserGroup.Name)]
public sealed class NoInjectedScriptRuns(BrowserFixture browser)
{
    private static readonly List<string> Payloads = File.ReadAllLines(
        Path.Combine(BrowserFixture.RepositoryRoot, "tests", "InterviewPrep.Tests", "Security", "xss-payloads.txt")).Where(l => l.Length > 0).ToList();

    [Fact]
    public async Task PagesShowingTypedPayloadsOpenNoDialogAndRunNoScript()
    {
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await Journey.RunAsync(page, nameof(PagesShowingTypedPayloadsOpenNoDialogAndRunNoScript), async () =>
        {
            await page.GotoAsync("/Identity/Account/Register");
            await page.GetByLabel("E-mail").FillAsync($"xss-{Guid.NewGuid():N}@example.com");
            await page.GetByLabel("Password").FillAsync("a long and memorable phrase");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/interviews$"));

            await page.GotoAsync("/interviews/new");
            await page.GetByLabel("Company").FillAsync(Payloads[0]);
            await page.GetByLabel("Role", new() { Exact = true }).FillAsync(Payloads[2]);
            await page.Locator("#Input_Notes").FillAsync(string.Join("\n\n", Payloads));
            await page.Locator("#Input_Contacts_0__Name").FillAsync(Payloads[6]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add interview" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Payloads[0]);
            var interview = page.Url;
            foreach (var payload in Payloads.Take(15))
            {
                await page.GetByLabel("A question you were asked").FillAsync(payload);
                await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
            }

            await page.GotoAsync("/flashcards/cards/new");
            await page.Locator("#Input_Front").FillAsync(Payloads[4]);
            await page.Locator("#Input_Back").FillAsync(string.Join("\n\n", Payloads));
            await page.Locator("main form[method=post] button[type=submit]").First.ClickAsync();

            foreach (var url in new[] { interview, "/interviews", "/interviews?view=board", "/", "/flashcards/cards", "/flashcards/review?deck=own&cram=1&at=0&reveal=1" })
            {
                await page.GotoAsync(url);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }
            Assert.Empty(dialogs);
        });
    }
}
