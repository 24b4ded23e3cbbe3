using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Tests.Support;
using Npgsql;

namespace InterviewPrep.Tests.Reliability;

/// <summary>
/// Two real app processes on one PostgreSQL database, as a farm behind a proxy runs them: a user may land on either for
/// any request, and must not notice.
/// </summary>
[Trait("Provider", "Postgres")]
public sealed class RunningSeveralInstances : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly TestContent _content = TestContent.Sample();
    private readonly string _database = TestPostgres.CreateDatabase();
    private readonly List<AppInstance> _instances = [];

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
        TestPostgres.DropDatabase(_database);
        _content.Dispose();
    }

    private string[] Settings => [
        "--Database:Provider=Postgres", $"--ConnectionStrings:Default={TestPostgres.ConnectionString(_database)}",
        $"--Content:Directory={_content.Root}", "--Serilog:MinimumLevel:Default=Information",
        "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore=Warning", "--RateLimiting:SignInPerMinute=1000",
        "--ReverseProxy:Enabled=true"];

    private AppInstance Instance(string name, string[] extra)
    {
        var instance = new AppInstance(name, [.. Settings, .. extra]);
        _instances.Add(instance);
        return instance;
    }

    /// <summary>Both started at the same moment on an empty database, and both ready.</summary>
    private async Task<(AppInstance A, AppInstance B)> StartTwoAsync(params string[] extra)
    {
        var (a, b) = (Instance("a", extra).Start(), Instance("b", extra).Start());
        await Task.WhenAll(a.WaitUntilReadyAsync(StartTimeout), b.WaitUntilReadyAsync(StartTimeout));
        return (a, b);
    }

    private static string[] ErrorLines(AppInstance instance) =>
        instance.Output.Split('\n').Where(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" FTL]", StringComparison.Ordinal)).ToArray();

    /// <summary>The instances' error lines and what follows each (the exception), for a failure message.</summary>
    private static string Log(params AppInstance[] instances) => string.Join("\n", instances.Select(i => i.Output)
        .SelectMany(o => o.Split('\n')).SkipWhile(l => !l.Contains(" ERR]", StringComparison.Ordinal)).Take(40));

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString(_database)) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private T Query<T>(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString(_database)) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task StartedAtTheSameMomentOnAnEmptyDatabaseOneMigratesAndBothBecomeReady()
    {
        var (a, b) = await StartTwoAsync();

        Assert.Equal(1, new[] { a, b }.Count(i => i.Output.Contains("Applying", StringComparison.Ordinal) && i.Output.Contains("database migrations", StringComparison.Ordinal)));
        Assert.Empty(ErrorLines(a).Concat(ErrorLines(b)));
        Assert.Equal(8, Query<int>("SELECT count(*) FROM \"Questions\""));
    }

    [Fact]
    public async Task AUserMovesBetweenInstancesWithoutNoticing()
    {
        var (a, b) = await StartTwoAsync();
        var cookies = new CookieContainer();
        using var onA = a.Client(cookies);
        using var onB = b.Client(cookies);

        // Registered on A, signed in on B.
        var registered = await onA.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = "farmer@example.com", ["Input.Password"] = Users.Password, ["Input.TimeZoneId"] = "Europe/Berlin",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri("/interviews", UriKind.Relative))).StatusCode);

        // A form rendered by A (its antiforgery token) is posted to B; what B saved, A lists.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await onA.GetDocumentAsync("/interviews/new")).QuerySelector("main form[method=post]")!;
        var created = await onB.SubmitAsync(form, "/interviews/new", new Dictionary<string, string?>
        {
            ["Input.Company"] = "Farm Co", ["Input.Role"] = "ML engineer", ["Input.Stage"] = "TechnicalScreen",
            ["Input.Date"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = "10:00",
            ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Farm Co", (await onA.GetDocumentAsync("/interviews")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A card graded on A: B shows the next one.
        var (shown, url) = await onA.RevealAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await onA.GradeAsync(shown, url, "3")).StatusCode);
        var (next, _) = await onB.RevealAsync();
        Assert.NotEqual(shown.GradeForm().Showing("farmer@example.com"), next.GradeForm().Showing("farmer@example.com"));
        Assert.Equal(1, Query<int>("SELECT count(*) FROM \"ReviewLogs\""));

        // The calendar feed made on A answers on B.
        Assert.Equal(HttpStatusCode.Redirect, (await onA.SubmitAsync("/account", formSelector: "form[action*='handler=NewFeed']")).StatusCode);
        var feed = new Uri((await onA.GetDocumentAsync("/account")).QuerySelector("#feed-url")!.GetAttribute("value")!);
        using var anonymousOnB = new HttpClient { BaseAddress = b.Address };
        var calendar = await anonymousOnB.GetAsync(new Uri(feed.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains("Farm Co", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(ErrorLines(a).Concat(ErrorLines(b)));
    }

    [Fact]
    public async Task TheSignInLimitCountsOverBothInstances()
    {
        var (a, b) = await StartTwoAsync("--RateLimiting:SignInPerMinute=3");
        var cookies = new CookieContainer();
        using var onA = a.Client(cookies);
        using var onB = b.Client(cookies);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { onA, onB, onA, onB })
        {
            statuses.Add((await client.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string?>
            {
                ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "wrong wrong wrong",
            })).StatusCode);
        }

        // A minute may turn between the posts and start a new count; then the fourth is the second of its minute.
        Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests])
            || DateTime.UtcNow.Second < 5, string.Join(", ", statuses));
    }

    [Fact]
    public async Task AnImportFromTheCommandLineReachesEveryInstanceWithinFiveSeconds()
    {
        var (a, b) = await StartTwoAsync();
        using var onA = new HttpClient { BaseAddress = a.Address };
        using var onB = new HttpClient { BaseAddress = b.Address };
        foreach (var client in new[] { onA, onB, onA, onB })
        {
            await client.GetDocumentAsync("/questions/overfitting"); // kept in each instance's output cache from the second visit
        }

        _content.WithQuestion("theory", "overfitting", "What is overfitting, across the farm?", "easy", ["generalization"], [], "New answer.");
        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(2), ["import", .. Settings, $"--Storage:DataDirectory={a.DataDirectory}-import"]);
        Assert.True(exitCode == 0, output);
        var imported = Stopwatch.StartNew();

        foreach (var client in new[] { onA, onB })
        {
            string title;
            do
            {
                title = (await client.GetDocumentAsync("/questions/overfitting")).QuerySelector("h1")!.TextContent;
            }
            while (title != "What is overfitting, across the farm?" && imported.Elapsed < TimeSpan.FromSeconds(5) && await Delay());
            Assert.Equal("What is overfitting, across the farm?", title);
        }
        Assert.Contains("across the farm", (await onB.GetDocumentAsync("/questions?q=farm")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        static async Task<bool> Delay()
        {
            await Task.Delay(100);
            return true;
        }
    }

    [Fact]
    public async Task ManyUsersWritingThroughBothInstancesAtOnceKeepEveryAnsweredWriteOnce()
    {
        const int UsersPerInstance = 25, WritesPerUser = 20;
        var (a, b) = await StartTwoAsync();
        var answered = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();

        async Task UserAsync(int user)
        {
            var cookies = new CookieContainer();
            using var onA = a.Client(cookies);
            using var onB = b.Client(cookies);
            var email = $"writer-{user}@example.com";
            var first = user % 2 == 0 ? onA : onB;
            var registered = await first.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
            {
                ["Input.Email"] = email, ["Input.Password"] = Users.Password, ["Input.TimeZoneId"] = "UTC",
            });
            Assert.True(registered.StatusCode == HttpStatusCode.Redirect, $"{registered.StatusCode}\n{Log(a, b)}");
            for (var i = 0; i < WritesPerUser; i++)
            {
                var client = (user + i) % 2 == 0 ? onA : onB; // every other request on the other instance
                var response = i % 4 == 3
                    ? await client.SubmitAsync("/practice/new", new Dictionary<string, string?>
                    {
                        ["Input.Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["Input.DurationMinutes"] = (10 + i).ToString(CultureInfo.InvariantCulture), ["Input.Kind"] = "Reading", ["Input.Rating"] = "4",
                    })
                    : await GradeAsync(client, email);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{email} write {i}: {response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    answered.Add(i % 4 == 3 ? $"practice:{email}:{10 + i}" : "grade");
                }
            }
        }

        static async Task<HttpResponseMessage> GradeAsync(HttpClient client, string email)
        {
            var (page, url) = await client.RevealAsync();
            return await client.GradeAsync(page, url, "3");
        }

        await Task.WhenAll(Enumerable.Range(0, 2 * UsersPerInstance).Select(u => Task.Run(() => UserAsync(u))));

        Assert.Empty(failures);
        Assert.Equal(2 * UsersPerInstance * WritesPerUser, answered.Count);
        Assert.Equal(answered.Count(w => w == "grade"), Query<int>("SELECT count(*) FROM \"ReviewLogs\" WHERE \"Kind\" = 'Review'"));
        Assert.Equal(answered.Count(w => w != "grade"), Query<int>("SELECT count(*) FROM \"PracticeSessions\""));
        Assert.Equal(0, Query<int>("""SELECT count(*) FROM (SELECT "FlashcardId", "CardVersion" FROM "ReviewLogs" GROUP BY 1, 2 HAVING count(*) > 1) twice"""));
        Assert.Empty(ErrorLines(a).Concat(ErrorLines(b)));
    }

    [Fact]
    public async Task WhenOneInstanceIsKilledTheOtherAnswersAndNoAnsweredWriteIsLost()
    {
        var (a, b) = await StartTwoAsync();
        var answered = new ConcurrentBag<int>();
        var failedOnB = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        async Task UserAsync(int user)
        {
            var cookies = new CookieContainer();
            using var onA = a.Client(cookies);
            using var onB = b.Client(cookies);
            var registered = await onB.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
            {
                ["Input.Email"] = $"survivor-{user}@example.com", ["Input.Password"] = Users.Password, ["Input.TimeZoneId"] = "UTC",
            });
            Assert.True(registered.StatusCode == HttpStatusCode.Redirect, $"{registered.StatusCode}\n{Log(a, b)}");
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var onInstanceA = i % 2 == 0;
                var minutes = 1000 * user + i;
                try
                {
                    var response = await (onInstanceA ? onA : onB).SubmitAsync("/practice/new", new Dictionary<string, string?>
                    {
                        ["Input.Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["Input.DurationMinutes"] = (minutes % 600 + 1).ToString(CultureInfo.InvariantCulture),
                        ["Input.Kind"] = "Reading", ["Input.Rating"] = "4", ["Input.Notes"] = $"write {minutes}",
                    });
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        answered.Add(minutes);
                    }
                    else if (!onInstanceA)
                    {
                        failedOnB.Add($"{minutes}: {response.StatusCode}");
                    }
                }
                catch (HttpRequestException ex) when (onInstanceA)
                {
                    _ = ex; // A is gone: a proxy would send this request to B
                }
            }
        }

        var users = Enumerable.Range(0, 8).Select(u => Task.Run(() => UserAsync(u))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));
        a.Kill();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(users);

        Assert.Empty(failedOnB);
        var stored = Query<string>("""SELECT coalesce(string_agg(substr("NotesMarkdown", 7), ','), '') FROM "PracticeSessions" """)
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.DoesNotContain(answered, w => !stored.Contains(w));
        Assert.True(answered.Count > 50, $"only {answered.Count} writes were answered");

        a.Start();
        await a.WaitUntilReadyAsync(StartTimeout);
        using var again = new HttpClient { BaseAddress = a.Address };
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/questions/overfitting", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheDeploymentsNginxSitePassesNginxsOwnCheck()
    {
        var (exitCode, output) = await Nginx.TestSiteAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("syntax is ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughNginxAJourneyGoesOnWhenOneInstanceIsKilledHalfway()
    {
        var (a, b) = await StartTwoAsync();
        using var nginx = await Nginx.StartAsync(a.Port, b.Port);
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler
        {
            CookieContainer = cookies, AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, // nginx's self-signed test certificate
        };
        using var client = new HttpClient(handler) { BaseAddress = nginx.Address };
        var answers = new List<(string Step, HttpStatusCode Status)>();
        async Task Step(string name, Func<Task<HttpResponseMessage>> send) => answers.Add((name, (await send()).StatusCode));

        await Step("register", () => client.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
        {
            ["Input.Email"] = "through-nginx@example.com", ["Input.Password"] = Users.Password, ["Input.TimeZoneId"] = "Europe/Berlin",
        }));
        await Step("interview", () => client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
        {
            ["Input.Company"] = "Proxy Co", ["Input.Role"] = "ML engineer", ["Input.Stage"] = "TechnicalScreen",
            ["Input.Date"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Time"] = "10:00",
            ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video",
        }));
        for (var i = 0; i < 3; i++)
        {
            await Step($"grade {i}", async () => { var (page, url) = await client.RevealAsync(); return await client.GradeAsync(page, url, "3"); });
        }

        a.Kill();

        for (var i = 3; i < 6; i++)
        {
            await Step($"grade {i}", async () => { var (page, url) = await client.RevealAsync(); return await client.GradeAsync(page, url, "3"); });
        }
        await Step("practice", () => client.SubmitAsync("/practice/new", new Dictionary<string, string?>
        {
            ["Input.Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.DurationMinutes"] = "30",
            ["Input.Kind"] = "Reading", ["Input.Rating"] = "4",
        }));
        await Step("interviews", () => client.GetAsync(new Uri("/interviews", UriKind.Relative)));
        await Step("question", () => client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative)));
        await Step("search", () => client.GetAsync(new Uri("/questions?q=overfitting", UriKind.Relative)));

        Assert.All(answers, answer => Assert.True((int)answer.Status is >= 200 and < 400, $"{answer.Step}: {answer.Status}\n{nginx.AccessLog}"));
        Assert.Equal(6, Query<int>("SELECT count(*) FROM \"ReviewLogs\""));
        Assert.Equal(1, Query<int>("SELECT count(*) FROM \"PracticeSessions\""));
        Assert.Contains("Proxy Co", (await client.GetStringAsync(new Uri("/interviews", UriKind.Relative))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAppliesTheMigrationsOnceAndAnOlderBuildStopsWithAPlainMessage()
    {
        string[] migrate = ["migrate", .. Settings, $"--Storage:DataDirectory={Path.GetTempPath()}interviewprep-migrate-{Guid.NewGuid():N}"];

        var (first, firstOutput) = await AppProcess.RunAsync(TimeSpan.FromMinutes(2), migrate);
        var (second, secondOutput) = await AppProcess.RunAsync(TimeSpan.FromMinutes(2), migrate);
        Execute("""INSERT INTO "__EFMigrationsHistory" VALUES ('29990101000000_FromTheFuture', '99.0.0')""");
        var (older, olderOutput) = await AppProcess.RunAsync(TimeSpan.FromMinutes(2), migrate);
        var instance = Instance("older", []).Start();
        await instance.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(first == 0, firstOutput);
        Assert.Matches(@"Applied \d+ migrations; the database is up to date\.", firstOutput);
        Assert.True(second == 0, secondOutput);
        Assert.Contains("The database is up to date; no migration to apply.", secondOutput, StringComparison.Ordinal);
        Assert.Equal(1, older);
        Assert.Contains("The database is from a newer version of the app (migration 29990101000000_FromTheFuture).", olderOutput, StringComparison.Ordinal);
        Assert.False(instance.IsRunning);
        Assert.Contains("InterviewPrep could not start: The database is from a newer version of the app", instance.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceWhoseImportWaitsForAnotherOneIsLiveButNotReady()
    {
        // This test holds the import's lock, as an instance importing a large bank would.
        using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString(_database)) { Pooling = false }.ToString());
        holder.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({InterviewPrep.Web.Data.Postgres.AdvisoryLock.Key(InterviewPrep.Web.Data.DatabaseLocks.ContentImport)})", holder))
        {
            take.ExecuteNonQuery();
        }
        var a = Instance("a", []).Start();
        using var client = new HttpClient { BaseAddress = a.Address };
        var clock = Stopwatch.StartNew();
        while (!a.Output.Contains("Another instance holds the content-import lock; waiting", StringComparison.Ordinal) && clock.Elapsed < StartTimeout)
        {
            await Task.Delay(100);
        }

        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.True(live.StatusCode == HttpStatusCode.OK, a.Output);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("import: the content import at start-up is running", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        holder.Close(); // the lock goes with the session
        await a.WaitUntilReadyAsync(StartTimeout);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative))).StatusCode);
    }
}
