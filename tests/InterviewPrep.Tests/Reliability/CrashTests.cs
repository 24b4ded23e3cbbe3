using InterviewPrep.Web.Data.Sqlite;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Tests.Reliability;

/// <summary>Kills the real app process (SIGKILL) in the middle of work, restarts it, and checks that nothing answered 2xx was lost.</summary>
[Trait("Provider", "Sqlite")]
public sealed class SurvivingAKill : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"interviewprep-crash-{Guid.NewGuid():N}");
    private readonly TestContent _content = TestContent.Sample();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        _content.Dispose();
    }

    private Process Start(params string[] args) => AppProcess.Start([.. args,
        $"--Storage:DataDirectory={_data}", $"--Content:Directory={_content.Root}", "--Serilog:MinimumLevel:Default=Warning",
        "--Backup:Automatic=false", "--RateLimiting:SignInPerMinute=1000"]);

    private string Database => Path.Combine(_data, "interviewprep.db");

    private List<string> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }
        return rows;
    }

    private void WriteBank(int count, string version)
    {
        for (var i = 0; i < count; i++)
        {
            _content.WithQuestion("theory", $"bulk-{i:0000}", $"Bulk question {i:0000} version {version}",
                answer: string.Join("\n\n", Enumerable.Repeat($"Version {version} of a long answer about regularization and $x^2$.", 40)));
        }
    }

    [Fact]
    public async Task AKillDuringALargeImportLeavesTheOldOrTheNewVersionOfEachQuestion()
    {
        const int Questions = 2500; // ten batches: after the first is saved, the other nine leave time to kill it
        WriteBank(Questions, "A");
        using (var first = Start("import"))
        {
            await first.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, first.ExitCode);
        }
        WriteBank(Questions, "B");

        using (var second = Start("import"))
        {
            // Kill while it writes: the transaction is under way, with the first batch of questions saved in it.
            var line = await second.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            while (line is not null && !(line.Contains("write", StringComparison.Ordinal) && line.Contains("250/", StringComparison.Ordinal)))
            {
                line = await second.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
            Assert.False(second.HasExited, "the import finished before it could be killed; make the bank larger");
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        Assert.Equal("ok", await DatabaseBackup.IntegrityAsync(Database));
        var titles = Query("SELECT Title FROM Questions WHERE Slug LIKE 'bulk-%'");
        Assert.Equal(Questions, titles.Count);
        var versions = titles.Select(t => t[^1..]).Distinct().ToList();
        Assert.True(versions.Count == 1, "a half-applied import: " + string.Join(",", versions));

        using var third = Start("import");
        await third.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(["B"], Query("SELECT DISTINCT substr(Title, -1) FROM Questions WHERE Slug LIKE 'bulk-%'"));
    }

    [Fact]
    public async Task AKillDuringABurstOfGradesAndPracticeWritesLosesNoWriteThatWasAnswered()
    {
        var port = AppProcess.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var app = Start("--urls", baseAddress.ToString());
        using var client = await SignedInAsync(baseAddress, "crash@example.com");
        var token = (await client.GetDocumentAsync("/practice/new")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var day = (await client.GetDocumentAsync("/practice/new")).QuerySelector("#Input_Date")!.GetAttribute("value")!;
        // A card is graded once per showing, so grades run in parallel only across users: one writer each.
        var graders = new List<HttpClient>();
        for (var g = 0; g < 4; g++)
        {
            graders.Add(await SignedInAsync(baseAddress, $"grader-{g}@example.com"));
        }

        var answered = new ConcurrentBag<int>();
        var graded = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var practiceWriters = Enumerable.Range(0, 8).Select(w => UntilGoneAsync(async n =>
        {
            var id = w * 1000 + n;
            var response = await client.PostAsync(new Uri("/practice/new", UriKind.Relative), new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), new("Input.Date", day), new("Input.DurationMinutes", "1"), new("Input.Kind", "Coding"), new("Input.Rating", "3"), new("Input.Notes", id.ToString(CultureInfo.InvariantCulture))]));
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                answered.Add(id);
            }
        }, stop.Token));
        var gradeWriters = graders.Select((grader, g) => UntilGoneAsync(async n =>
        {
            // Again and Hard keep every card in learning, so there is always a card to grade.
            const string url = "/flashcards/review?deck=all";
            var form = (await grader.GetDocumentAsync(url)).GradeForm();
            var showing = form.Showing($"grader-{g}@example.com");
            var response = await grader.SubmitAsync(form, url, new Dictionary<string, string?> { ["grade"] = n % 2 == 0 ? "1" : "2" });
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                graded.Add(showing);
            }
        }, stop.Token));
        var writers = practiceWriters.Concat(gradeWriters).ToList();

        while (answered.Count < 150 || graded.Count < 30)
        {
            Assert.False(writers.Any(w => w.IsCompleted), "a writer stopped before the kill: " + writers.FirstOrDefault(w => w.IsFaulted)?.Exception);
            await Task.Delay(10);
        }
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Equal("ok", await DatabaseBackup.IntegrityAsync(Database));
        using var restarted = Start("--urls", baseAddress.ToString());
        await WaitHealthyAsync(client);
        var stored = Query("SELECT NotesMarkdown FROM PracticeSessions").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.DoesNotContain(answered, id => !stored.Contains(id));
        Assert.Equal(stored.Count, Query("SELECT COUNT(DISTINCT NotesMarkdown) FROM PracticeSessions").Select(int.Parse).Single());
        var reviews = Query(Reviewing.LoggedShowings);
        Assert.DoesNotContain(graded, showing => !reviews.Contains(showing));
        Assert.Equal(reviews.Count, reviews.Distinct().Count());
        restarted.Kill(entireProcessTree: true);
        await restarted.WaitForExitAsync();
        graders.ForEach(g => g.Dispose());
    }

    /// <summary>Runs <paramref name="write"/> (given its count) up to 400 times, until stopped or the server is gone.</summary>
    private static Task UntilGoneAsync(Func<int, Task> write, CancellationToken stop) => Task.Run(async () =>
    {
        for (var n = 0; n < 400 && !stop.IsCancellationRequested; n++)
        {
            try
            {
                await write(n);
            }
            catch (HttpRequestException)
            {
                return; // the server is gone
            }
        }
    }, CancellationToken.None);

    private static async Task<HttpClient> SignedInAsync(Uri baseAddress, string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        await WaitHealthyAsync(client);
        var registered = await client.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.Password"] = Users.Password, ["Input.TimeZoneId"] = "UTC",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return client;
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the app did not become healthy within a minute");
    }
}
