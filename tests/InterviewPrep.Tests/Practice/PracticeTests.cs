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
