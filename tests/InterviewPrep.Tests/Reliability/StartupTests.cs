using System.Net;
using InterviewPrep.Tests.Support;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Tests.Reliability;

[Trait("Provider", "Sqlite")]
public sealed class StartingWithBadSurroundings
{
    private static string[] Settings(string data, string content) =>
        ["--urls", "http://127.0.0.1:0", $"--Storage:DataDirectory={data}", $"--Content:Directory={content}", "--Backup:Automatic=false"];

    [Fact]
    public async Task AnUnwritableDataFolderStopsTheAppWithAClearMessage()
    {
        var file = Path.GetTempFileName();
        using var content = TestContent.Sample();
        var data = Path.Combine(file, "data");

        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), Settings(data, content.Root));

        Assert.Equal(1, exitCode);
        Assert.Contains($"InterviewPrep could not start: The data folder {data} cannot be written", output, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Theory]
    [InlineData("Oracle", "InterviewPrep could not start: Database:Provider is 'Oracle'; it must be 'Sqlite' (the default) or 'Postgres'.")]
    [InlineData("Postgres", "InterviewPrep could not start: Database:Provider is 'Postgres' but ConnectionStrings:Default is empty;")]
    public async Task ADatabaseChoiceThatCannotBeUsedStopsTheAppWithOneSentence(string provider, string expected)
    {
        using var content = TestContent.Sample();
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-provider-{Guid.NewGuid():N}");

        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), [.. Settings(data, content.Root), $"--Database:Provider={provider}"]);

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostgresServerThatDoesNotAnswerStopsTheAppWithOneSentence()
    {
        using var content = TestContent.Sample();
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-unreachable-{Guid.NewGuid():N}");
        // A loopback port that nothing listens on: taken, then let go.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1),
            [.. Settings(data, content.Root), "--Database:Provider=Postgres", $"--ConnectionStrings:Default=Host=127.0.0.1;Port={port};Database=app;Username=app;Password=secret;Timeout=3"]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"InterviewPrep could not start: The PostgreSQL server 127.0.0.1:{port}/app cannot be reached or refused the connection:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task MigrateCreatesTheDatabaseAndExitsAndSaysSoAgainWhenThereIsNothingToDo()
    {
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-migrate-{Guid.NewGuid():N}");

        var (first, firstOutput) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), ["migrate", $"--Storage:DataDirectory={data}"]);
        var (second, secondOutput) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), ["migrate", $"--Storage:DataDirectory={data}"]);

        Assert.True(first == 0, firstOutput);
        Assert.Matches(@"Applied \d+ migrations; the database is up to date\.", firstOutput);
        Assert.True(File.Exists(Path.Combine(data, "interviewprep.db")));
        Assert.True(second == 0, secondOutput);
        Assert.Contains("The database is up to date; no migration to apply.", secondOutput, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task ADatabaseFromANewerVersionStopsTheAppAndIsLeftAlone()
    {
        using var content = TestContent.Sample();
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-newer-{Guid.NewGuid():N}");
        var (created, _) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), ["import", $"--Storage:DataDirectory={data}", $"--Content:Directory={content.Root}"]);
        Assert.Equal(0, created);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "interviewprep.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29990101000000_FromTheFuture', '99.0.0')";
            command.ExecuteNonQuery();
        }
        var before = await File.ReadAllBytesAsync(Path.Combine(data, "interviewprep.db"));

        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1), Settings(data, content.Root));

        Assert.Equal(1, exitCode);
        Assert.Contains("InterviewPrep could not start: The database is from a newer version of the app (migration 29990101000000_FromTheFuture).", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(data, "interviewprep.db")));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task AProxyAddressThatIsNotOneStopsTheAppWithAClearMessage()
    {
        using var content = TestContent.Sample();
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-proxy-{Guid.NewGuid():N}");

        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(1),
            [.. Settings(data, content.Root), "--ReverseProxy:Enabled=true", "--ReverseProxy:KnownProxies:0=10.0.0.300", "--ReverseProxy:KnownNetworks:0=10.0.0.0/99"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("InterviewPrep could not start: ReverseProxy:KnownProxies has '10.0.0.300', which is not an IP address.; " +
            "ReverseProxy:KnownNetworks has '10.0.0.0/99', which is not a network such as 10.0.0.0/8.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task ABrokenContentFolderStillServesTheSite()
    {
        using var content = new TestContent()
            .Write("categories/theory.md", "no front matter at all")
            .WriteBytes("questions/theory/binary.md", [0, 1, 2, 3])
            .Write("questions/theory/half.md", "---\ntitle: \"Half a question\"\n");
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/questions", UriKind.Relative))).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }
}

/// <summary>The import at start-up runs in the background: the site answers at once and shows how far the import has come.</summary>
public sealed class ImportingInTheBackground
{
    [Fact]
    public async Task TheSiteAnswersDuringALargeImportShowsItsProgressAndThenTheWholeBank()
    {
        using var content = TestContent.Sample();
        for (var i = 0; i < 1500; i++)
        {
            content.WithQuestion("theory", $"bulk-{i:0000}", $"Bulk question {i:0000}",
                answer: string.Join("\n\n", Enumerable.Repeat("A long answer about regularization and $x^2$.", 40)));
        }
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-background-{Guid.NewGuid():N}");
        var port = AppProcess.FreePort();
        using var app = AppProcess.Start(["--urls", $"http://127.0.0.1:{port}", $"--Storage:DataDirectory={data}", $"--Content:Directory={content.Root}", "--Backup:Automatic=false"]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var pages = new List<AngleSharp.Dom.IDocument>();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var page = await client.GetDocumentAsync("/questions?category=theory");
                    pages.Add(page);
                    if (page.QuerySelector(".import-banner") is null && page.QuerySelector(".result-count")!.TextContent.Contains(" of 1,505", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(50);
            }

            var during = pages.FirstOrDefault(p => p.QuerySelector(".import-banner") is not null);
            Assert.NotNull(during);
            Assert.Contains("Updating the question bank", during.QuerySelector(".import-banner")!.TextContent, StringComparison.Ordinal);
            Assert.Null(pages[^1].QuerySelector(".import-banner"));
            Assert.Contains(" of 1,505", pages[^1].QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
