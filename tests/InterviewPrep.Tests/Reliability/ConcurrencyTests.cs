using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Flashcards;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Reliability;

public sealed class ManyUsersWritingAtOnce
{
    [Fact]
    public async Task FiftyUsersPostingTwentyGradesAndPracticeSessionsEachLoseNothingAndSeeNoServerError()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 50; i++)
        {
            clients.Add(await app.SignedInClientAsync($"load-{i}@example.com"));
        }
        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var practiced = new ConcurrentBag<HttpStatusCode>();
        var graded = new ConcurrentBag<(string Showing, HttpStatusCode Status)>();

        await Parallel.ForEachAsync(clients.Select((c, i) => (Client: c, User: i)), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (user, ct) =>
        {
            var page = await user.Client.GetDocumentAsync("/practice/new");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            for (var write = 0; write < 20; write++)
            {
                if (write % 2 == 0)
                {
                    // The next card's grade form, posted as flashcards.js does after revealing the answer in the page.
                    // Again and Hard keep every card in learning, so a card is always there (learning cards are shown ahead of time).
                    const string url = "/flashcards/review?deck=all";
                    var review = await user.Client.GetDocumentAsync(url);
                    var showing = review.GradeForm().Showing($"load-{user.User}@example.com");
                    var response = await user.Client.GradeAsync(review, url, write % 4 == 0 ? "1" : "2");
                    graded.Add((showing, response.StatusCode));
                }
                else
                {
                    var notes = (user.User * 10 + write / 2 + 1).ToString(CultureInfo.InvariantCulture);
                    var response = await user.Client.PostAsync(new Uri("/practice/new", UriKind.Relative), new FormUrlEncodedContent(
                        [new("__RequestVerificationToken", token), new("Input.Date", today), new("Input.DurationMinutes", "1"), new("Input.Kind", "Coding"), new("Input.Rating", "3"), new("Input.Notes", notes)]), ct);
                    practiced.Add(response.StatusCode);
                }
            }
        });

        Assert.DoesNotContain(practiced.Concat(graded.Select(g => g.Status)), s => (int)s >= 500);
        Assert.All(practiced, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.All(graded, g => Assert.Equal(HttpStatusCode.Redirect, g.Status));
        var notes = await app.QueryAsync(db => db.PracticeSessions.Select(p => p.NotesMarkdown).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 500).Select(n => n.ToString(CultureInfo.InvariantCulture)).Order(), notes.Order());
        // One review per showing: each grade is in the log once, under the card version it was shown at (or, for a
        // question's first grade, under the user and the question).
        var logged = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>(Reviewing.LoggedShowings).ToListAsync());
        Assert.Equal(500, graded.Count);
        Assert.Equal(graded.Select(g => g.Showing).Order(StringComparer.Ordinal), logged.Order(StringComparer.Ordinal));
    }
}
