using AngleSharp.Dom;
using InterviewPrep.Tests.Account;
using InterviewPrep.Tests.Support;

namespace InterviewPrep.Tests.Security;

/// <summary>Known cross-site scripting payloads, fed through every input that is rendered.</summary>
public static class XssCorpus
{
    public static IReadOnlyList<string> Payloads { get; } =
        File.ReadAllLines(Path.Combine(Repository.Root, "tests", "InterviewPrep.Tests", "Security", "xss-payloads.txt"))
            .Where(l => l.Length > 0).ToList();

    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:"];

    /// <summary>Fails when the page would run anything but our own scripts.</summary>
    public static void AssertNothingRuns(IDocument page, string where)
    {
        var foreignScripts = page.QuerySelectorAll("script")
            .Where(s => s.GetAttribute("src") is not { } src || !(src.StartsWith("/js/", StringComparison.Ordinal) || src.StartsWith("/lib/", StringComparison.Ordinal)))
            .Select(s => s.OuterHtml).ToList();
        Assert.True(foreignScripts.Count == 0, $"{where}: foreign script {string.Join(" ", foreignScripts)}");
        Assert.Empty(page.QuerySelectorAll("iframe, object, embed, base, frame, frameset, body style, main link, meta[http-equiv]").Select(e => $"{where}: {e.OuterHtml}"));
        foreach (var element in page.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: event handler {element.OuterHtml}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                    Assert.False(DangerousSchemes.Any(s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase)), $"{where}: {attribute.Name}={attribute.Value}");
                }
            }
        }
    }
}

public sealed class ContentCannotInjectScript
{
    [Fact]
    public async Task NoPayloadInAContentFileRunsOnItsPage()
    {
        using var content = TestContent.Sample();
        for (var i = 0; i < XssCorpus.Payloads.Count; i++)
        {
            var payload = XssCorpus.Payloads[i];
            content.WithQuestion("theory", $"xss-{i:00}", $"Payload {i:00}", answer: $"Before\n\n{payload}\n\nAfter {payload} inline.");
        }
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        for (var i = 0; i < XssCorpus.Payloads.Count; i++)
        {
            var page = await client.GetDocumentAsync($"/questions/xss-{i:00}");
            Assert.Equal($"Payload {i:00}", page.QuerySelector("h1")!.TextContent);
            XssCorpus.AssertNothingRuns(page, XssCorpus.Payloads[i]);
        }
        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/questions?q=alert"), "search results");
    }
}

public sealed class UserInputCannotInjectScript(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task NoPayloadInNotesContactsChecklistsDebriefsOrPracticeRunsAnywhere()
    {
        var app = fixture.App;
        var client = await app.SignedInClientAsync();
        foreach (var payload in XssCorpus.Payloads)
        {
            var form = await client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
            {
                ["Input.Company"] = payload.Length > 200 ? payload[..200] : payload,
                ["Input.Role"] = "Role",
                ["Input.Location"] = payload,
                ["Input.Notes"] = payload,
                ["Input.Debrief"] = payload,
                ["Input.Outcome"] = payload,
                ["Input.Contacts[0].Name"] = payload,
                ["Input.Contacts[0].Notes"] = payload,
            });
            if (form.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                // Refused (an unsafe link): the form shows the typed payload back, which must be inert too.
                XssCorpus.AssertNothingRuns(await Html.ParseAsync(await form.Content.ReadAsStringAsync()), "re-shown form: " + payload);
                form = await client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
                {
                    ["Input.Company"] = "Safe link", ["Input.Role"] = "Role", ["Input.Notes"] = payload, ["Input.Contacts[0].Name"] = payload,
                });
            }
            var url = form.Location();
            await client.SubmitAsync(url, new Dictionary<string, string?> { ["Text"] = payload.Length > 300 ? payload[..300] : payload }, "form[action$='handler=AddAsk']");
            await client.SubmitAsync(url, new Dictionary<string, string?> { ["Text"] = payload.Length > 300 ? payload[..300] : payload }, "form[action$='handler=AddAsked']");
            await client.PostAsync("/practice/new", ("Input.Date", app.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Input.DurationMinutes", "10"), ("Input.Kind", "Reading"), ("Input.Rating", "3"), ("Input.Notes", payload));

            XssCorpus.AssertNothingRuns(await client.GetDocumentAsync(url), "interview page: " + payload);
            XssCorpus.AssertNothingRuns(await client.GetDocumentAsync(url + "/edit"), "edit form: " + payload);
        }
        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/interviews"), "interview list");
        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/interviews?view=board"), "interview board");
        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/practice"), "practice log");
        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/"), "home");
        Assert.True(XssCorpus.Payloads.Count >= 50);
    }
}

public sealed class TheXssCheckItself
{
    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" java\tscript:alert(1)\">x</a>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=about:blank></iframe>")]
    public async Task CatchesWhatABrowserWouldRun(string html)
    {
        var page = await Html.ParseAsync($"<html><body><main>{html}</main></body></html>");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => XssCorpus.AssertNothingRuns(page, "sample"));
    }
}

public sealed class FlashcardsCannotInjectScript(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task NoPayloadInAnOwnCardOrAnImportedCsvRunsAnywhere()
    {
        var client = await fixture.App.SignedInClientAsync();
        foreach (var payload in XssCorpus.Payloads)
        {
            await client.SubmitAsync("/flashcards/cards/new", new Dictionary<string, string?> { ["Input.Front"] = payload, ["Input.Back"] = payload });
        }
        var csv = string.Join("\n", XssCorpus.Payloads.Select(p => $"\"{p.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"{p.Replace("\"", "\"\"", StringComparison.Ordinal)}\",xss"));
        var token = (await client.GetDocumentAsync("/flashcards/import")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "Upload", "payloads.csv" },
        };
        var imported = await client.PostAsync(new Uri("/flashcards/import", UriKind.Relative), upload);
        XssCorpus.AssertNothingRuns(await Html.ParseAsync(await imported.Content.ReadAsStringAsync()), "import report");

        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/flashcards/cards"), "own cards");
        XssCorpus.AssertNothingRuns(await client.GetDocumentAsync("/flashcards"), "decks");
        var review = await client.GetDocumentAsync("/flashcards/review?deck=own&cram=1");
        Assert.NotNull(review.QuerySelector("main"));
        // Cram walks every own card in order, front and revealed back, without touching the schedule.
        for (var i = 0; i < 2 * XssCorpus.Payloads.Count; i++)
        {
            var card = await client.GetDocumentAsync($"/flashcards/review?deck=own&cram=1&at={i}&reveal=1");
            XssCorpus.AssertNothingRuns(card, $"review card {i}");
        }
        var cards = await fixture.App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Flashcards));
        Assert.True(cards >= XssCorpus.Payloads.Count, $"only {cards} cards were made from the payloads");
    }
}
