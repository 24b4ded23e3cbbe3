using System.Net;
using InterviewPrep.Tests.Account;
using InterviewPrep.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Security;

/// <summary>
/// Finds every page from the app's endpoint metadata, so that a new route cannot be forgotten: pages of
/// the tracker need a sign-in, and a page that takes a record id or token answers 404 to a second user.
/// </summary>
public sealed class EveryRouteIsGuarded(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    private static readonly string[] OpenPrefixes = ["/", "/questions", "/categories", "/guides", "/not-found", "/error", "/healthz", "/Identity/Account/Login", "/Identity/Account/Register", "/calendar/"];

    private List<string> Routes()
    {
        var sources = fixture.App.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct().Order().ToList();
    }

    private static bool IsOpen(string route) =>
        route == "/" || OpenPrefixes.Skip(1).Any(p => route.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task EveryTrackingPageSendsAnonymousVisitorsToSignIn()
    {
        var anonymous = fixture.App.CreatePlainClient();
        var guarded = Routes().Where(r => !IsOpen(r)).ToList();
        Assert.Contains("/interviews/{id:int}", guarded);

        foreach (var route in guarded)
        {
            var url = route.Replace("{id:int}", "1", StringComparison.Ordinal);
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await anonymous.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent([]) });
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest,
                    $"{method} {url} answered {(int)response.StatusCode} to an anonymous visitor");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.Contains("/Identity/Account/Login", response.Location(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task EveryPageThatTakesARecordIdAnswers404ToAnotherUser()
    {
        var app = fixture.App;
        var owner = await app.SignedInClientAsync();
        var created = await owner.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Owner Co", ["Input.Role"] = "MLE" });
        var interviewId = created.Location().Split('/')[^1];
        await owner.SubmitAsync("/account", formSelector: "form[action*='handler=NewFeed']");
        var intruder = await app.SignedInClientAsync();
        var token = (await intruder.GetDocumentAsync("/interviews/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await owner.SubmitAsync("/flashcards/cards/new", new Dictionary<string, string?> { ["Input.Front"] = "The owner's own card", ["Input.Back"] = "Private." });
        var cardId = await app.QueryAsync(db => db.Flashcards.Where(c => c.Front == "The owner's own card").Select(c => c.Id).SingleAsync());
        var roundId = (await owner.SubmitAsync("/mock", new Dictionary<string, string?> { ["Input.Kind"] = "Fundamentals", ["Input.Length"] = "15" })).Location().Split('/')[^1];
        await owner.SubmitAsync("/practice/new", new Dictionary<string, string?> { ["Input.Notes"] = "The owner's practice" });
        var practiceId = await app.QueryAsync(db => db.PracticeSessions.Where(p => p.NotesMarkdown == "The owner's practice").Select(p => p.Id).SingleAsync());

        // Each kind of route parameter, and the owner's record that fills it.
        var records = new Dictionary<string, string>
        {
            ["/interviews/{id:int}"] = interviewId,
            ["/flashcards/cards/{id:int}"] = cardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["/mock/{id:int}"] = roundId,
            ["/practice/{id:int}"] = practiceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var withParameters = Routes().Where(r => r.Contains('{', StringComparison.Ordinal) && !r.StartsWith("/questions", StringComparison.Ordinal)
            && !r.StartsWith("/categories", StringComparison.Ordinal) && !r.StartsWith("/guides", StringComparison.Ordinal)).ToList();

        foreach (var route in withParameters.Where(r => !r.StartsWith("/calendar/", StringComparison.Ordinal)))
        {
            var prefix = records.Keys.FirstOrDefault(k => route.StartsWith(k, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"No owner's record is known for {route}: add one to this test.");
            var url = route.Replace(prefix, prefix.Replace("{id:int}", records[prefix], StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
            var post = await intruder.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Company", "x"), new("Input.Role", "x"), new("Input.TimeZoneId", "UTC")]));
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST {url} answered {(int)post.StatusCode} to another user");
        }

        var feed = await app.QueryAsync(db => db.Users.Where(u => u.CalendarToken != null).Select(u => u.CalendarToken).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await intruder.GetAsync(new Uri($"/calendar/{feed}.ics", UriKind.Relative))).StatusCode);
        var guessed = feed![..^1] + (feed[^1] == '0' ? '1' : '0');
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(new Uri($"/calendar/{guessed}.ics", UriKind.Relative))).StatusCode);
        Assert.Equal("Owner Co", await app.QueryAsync(db => db.Interviews.Where(i => i.Id == int.Parse(interviewId, System.Globalization.CultureInfo.InvariantCulture)).Select(i => i.Company).SingleAsync()));
    }
}

public sealed class EveryFormNeedsItsAntiforgeryToken(AccountFixture fixture) : IClassFixture<AccountFixture>
{
    [Fact]
    public async Task APostWithoutATokenIsRefusedOnEveryPage()
    {
        var app = fixture.App;
        var user = await app.SignedInClientAsync();
        var created = await user.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Token Co", ["Input.Role"] = "MLE" });
        var interviewId = created.Location().Split('/')[^1];
        await user.SubmitAsync("/flashcards/cards/new", new Dictionary<string, string?> { ["Input.Front"] = "Token card", ["Input.Back"] = "Back." });
        var cardId = await app.QueryAsync(db => db.Flashcards.Where(c => c.Front == "Token card").Select(c => c.Id).SingleAsync());
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct().ToList();
        Assert.True(routes.Count > 20, $"only {routes.Count} pages found");

        foreach (var route in routes.Where(r => !r.Contains("{slug}", StringComparison.Ordinal) && !r.Contains("{token}", StringComparison.Ordinal)))
        {
            var url = route.Replace("/flashcards/cards/{id:int}", $"/flashcards/cards/{cardId}", StringComparison.Ordinal)
                .Replace("{id:int}", interviewId, StringComparison.Ordinal);
            var before = await app.QueryAsync(db => db.Interviews.CountAsync());
            var response = await user.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("Input.Company", "Forged"), new("Input.Role", "x"), new("Input.Front", "Forged"), new("Input.Back", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without a token answered {(int)response.StatusCode}");
            Assert.Equal(before, await app.QueryAsync(db => db.Interviews.CountAsync()));
        }
        Assert.False(await app.QueryAsync(db => db.Flashcards.AnyAsync(c => c.Front == "Forged")));
    }
}
