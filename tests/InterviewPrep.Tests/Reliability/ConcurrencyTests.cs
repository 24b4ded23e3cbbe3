using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using InterviewPrep.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Reliability;

public sealed class ManyUsersWritingAtOnce
{
    [Fact]
    public async Task FiftyUsersPostingTwentyWritesEachLoseNothingAndSeeNoServerError()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 50; i++)
        {
            clients.Add(await app.SignedInClientAsync($"load-{i}@example.com"));
        }
        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var statuses = new ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(clients.Select((c, i) => (Client: c, User: i)), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (user, ct) =>
        {
            var page = await user.Client.GetDocumentAsync("/practice/new");
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            for (var write = 0; write < 20; write++)
            {
                var minutes = (user.User * 20 + write + 1).ToString(CultureInfo.InvariantCulture);
                var response = await user.Client.PostAsync(new Uri("/practice/new", UriKind.Relative), new FormUrlEncodedContent(
                    [new("__RequestVerificationToken", token), new("Input.Date", today), new("Input.DurationMinutes", "1"), new("Input.Kind", "Coding"), new("Input.Rating", "3"), new("Input.Notes", minutes)]), ct);
                statuses.Add(response.StatusCode);
            }
        });

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var notes = await app.QueryAsync(db => db.PracticeSessions.Select(p => p.NotesMarkdown).ToListAsync());
        Assert.Equal(1000, notes.Count);
        Assert.Equal(Enumerable.Range(1, 1000).Select(n => n.ToString(CultureInfo.InvariantCulture)).Order(), notes.Order());
    }
}
