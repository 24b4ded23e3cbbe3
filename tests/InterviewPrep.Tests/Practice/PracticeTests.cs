using System.Net;
using System.Text.Json;
using InterviewPrep.Tests.Account;
using InterviewPrep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Practice;

public sealed class LoggingPractice(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private readonly AppFactory _app = fixture.App;

    private static async Task<HttpResponseMessage> LogAsync(HttpClient client, string date, int minutes, params int[] categories)
    {
        var fields = new List<(string, string)> { ("Input.Date", date), ("Input.DurationMinutes", minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Kind", "MockInterview"), ("Input.Rating", "4"), ("Input.Notes", "Went *well*") };
        fields.AddRange(categories.Select(c => ("Input.CategoryIds", c.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.PostAsync("/practice/new", [.. fields]);
    }

    private string Day(int offset) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(_app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")))
        .AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task LoggedSessionsMakeAStreakAHeatmapAndMinutesPerCategory()
    {
        var client = await _app.SignedInClientAsync();
        var (theory, practical) = await _app.QueryAsync(async db => (
            await db.Categories.Where(c => c.Slug == "theory").Select(c => c.Id).SingleAsync(),
            await db.Categories.Where(c => c.Slug == "practical").Select(c => c.Id).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await LogAsync(client, Day(0), 60, theory, practical)).StatusCode);
        await LogAsync(client, Day(-1), 30, theory);
        await LogAsync(client, Day(-3), 20);

        var page = await client.GetDocumentAsync("/practice");

        Assert.Equal("2 days", page.Texts(".stat dd")[0]);
        Assert.Equal(3, page.QuerySelectorAll(".practice-item").Length);
        Assert.Equal(3, page.QuerySelectorAll(".heatmap rect:not(.heat-0)").Length - 4); // four legend squares are coloured
        Assert.Equal("3 days with practice, 110 minutes in all.", page.QuerySelector(".heatmap desc")!.TextContent);
        Assert.Equal(["Theoretical concepts", "Practical applications"], page.Texts(".bar-chart .bar-label"));
        Assert.Equal(["60 min", "30 min"], page.Texts(".bar-chart .bar-value"));
        Assert.Equal("Went <em>well</em>", page.QuerySelector(".practice-item .prose p")!.InnerHtml);
    }

    [Fact]
    public async Task ALoggedSessionCanBeEditedAndDeletedByItsOwnerOnly()
    {
        var client = await _app.SignedInClientAsync();
        await LogAsync(client, Day(0), 45);
        var id = await _app.QueryAsync(db => db.PracticeSessions.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        var edit = $"/practice/{id}/edit";
        var list = await client.GetDocumentAsync("/practice");
        Assert.Contains(list.QuerySelectorAll("a.practice-edit"), a => a.GetAttribute("href") == edit);

        var form = await client.GetDocumentAsync(edit);
        Assert.Equal("45", form.QuerySelector("#Input_DurationMinutes")!.GetAttribute("value"));
        Assert.Equal("Went *well*", form.QuerySelector("#Input_Notes")!.TextContent.Trim());

        var refused = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.DurationMinutes"] = "0", ["Input.Notes"] = "Kept" });
        var refusedPage = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("A session is 1 to 720 minutes.", refusedPage.FieldError("Input.DurationMinutes")!.TextContent);
        Assert.Equal("Kept", refusedPage.QuerySelector("#Input_Notes")!.TextContent.Trim());

        var saved = await client.SubmitAsync(edit, new Dictionary<string, string?> { ["Input.DurationMinutes"] = "50", ["Input.Notes"] = "Went **better**" });
        Assert.Equal("/practice", saved.Location());
        var (minutes, notes) = await _app.QueryAsync(async db =>
            await db.PracticeSessions.Where(p => p.Id == id).Select(p => new { p.DurationMinutes, p.NotesHtml }).SingleAsync() is var row ? (row.DurationMinutes, row.NotesHtml) : default);
        Assert.Equal((50, "<p>Went <strong>better</strong></p>"), (minutes, notes.Trim()));

        var intruder = await _app.SignedInClientAsync();
        var token = (await intruder.GetDocumentAsync("/practice/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri(edit, UriKind.Relative))).StatusCode);
        foreach (var url in new[] { edit, edit + "?handler=Delete" })
        {
            var forged = await intruder.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("Input.Date", Day(0)), new("Input.DurationMinutes", "1"), new("Input.Rating", "1"), new("Input.Kind", "Reading")]));
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        Assert.Equal(50, await _app.QueryAsync(db => db.PracticeSessions.Where(p => p.Id == id).Select(p => p.DurationMinutes).SingleAsync()));

        var deleted = await client.SubmitAsync(edit, formSelector: "form[action*='handler=Delete']");
        Assert.Equal("/practice", deleted.Location());
        Assert.False(await _app.QueryAsync(db => db.PracticeSessions.AnyAsync(p => p.Id == id)));
    }

    [Fact]
    public async Task ABadSessionIsRefusedBesideItsFields()
    {
        var client = await _app.SignedInClientAsync();

        var response = await client.SubmitAsync("/practice/new", new Dictionary<string, string?>
        {
            ["Input.Date"] = Day(30),
            ["Input.DurationMinutes"] = "0",
            ["Input.Rating"] = "6",
            ["Input.CategoryIds"] = "999999",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Contains("has not happened yet", page.FieldError("Input.Date")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 to 720", page.FieldError("Input.DurationMinutes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("from 1 to 5", page.FieldError("Input.Rating")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Choose categories from the list.", page.FieldError("Input.CategoryIds")!.TextContent);
    }

    [Fact]
    public async Task ExportHoldsExactlyTheUsersOwnDataAndDeleteErasesIt()
    {
        var mine = await _app.SignedInClientAsync();
        var theirs = await _app.SignedInClientAsync();
        await mine.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Mine, Inc", ["Input.Role"] = "=cmd|' /C calc'!A0" });
        await theirs.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Theirs Ltd", ["Input.Role"] = "Scientist" });
        await LogAsync(mine, Day(0), 25);
        await mine.SubmitAsync("/flashcards/cards/new", new Dictionary<string, string?> { ["Input.Front"] = "My own card", ["Input.Back"] = "Its back." });
        await theirs.SubmitAsync("/flashcards/cards/new", new Dictionary<string, string?> { ["Input.Front"] = "Their card", ["Input.Back"] = "Private." });

        using var json = JsonDocument.Parse(await mine.GetStringAsync(new Uri("/account/export", UriKind.Relative)));
        var csv = await mine.GetStringAsync(new Uri("/account/export?format=interviews-csv", UriKind.Relative));

        var interviews = json.RootElement.GetProperty("interviews").EnumerateArray().Select(i => i.GetProperty("company").GetString()).ToList();
        Assert.Equal(["Mine, Inc"], interviews);
        Assert.Equal(25, json.RootElement.GetProperty("practiceSessions")[0].GetProperty("durationMinutes").GetInt32());
        Assert.Equal(["My own card"], json.RootElement.GetProperty("flashcards").EnumerateArray().Select(c => c.GetProperty("front").GetString()));
        Assert.Contains("\"Mine, Inc\",'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Theirs", csv, StringComparison.Ordinal);

        var wrong = await mine.SubmitAsync("/account/delete", new Dictionary<string, string?> { ["Password"] = "not my password" });
        Assert.Contains("nothing was deleted", (await Html.ParseAsync(await wrong.Content.ReadAsStringAsync())).FieldError("Password")!.TextContent, StringComparison.Ordinal);
        Assert.True(await _app.QueryAsync(db => db.Interviews.AnyAsync(i => i.Company == "Mine, Inc")));

        var deleted = await mine.SubmitAsync("/account/delete", new Dictionary<string, string?> { ["Password"] = Users.Password });

        Assert.Equal("/?deleted=1", deleted.Location());
        Assert.False(await _app.QueryAsync(db => db.Interviews.AnyAsync(i => i.Company == "Mine, Inc")));
        Assert.False(await _app.QueryAsync(db => db.PracticeSessions.AnyAsync(p => p.DurationMinutes == 25)));
        Assert.True(await _app.QueryAsync(db => db.Interviews.AnyAsync(i => i.Company == "Theirs Ltd")));
        Assert.Equal(HttpStatusCode.Redirect, (await mine.GetAsync(new Uri("/interviews", UriKind.Relative))).StatusCode);
    }
}
