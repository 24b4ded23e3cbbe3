using System.Net;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Tests.Reliability;

public sealed class StartingWithBadSurroundings
{
    private static StartupException StartupFailure(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is StartupException startup)
            {
                return startup;
            }
        }
        throw new Xunit.Sdk.XunitException("expected a StartupException, got " + ex);
    }

    [Fact]
    public void AnUnwritableDataFolderStopsTheAppWithAClearMessage()
    {
        var file = Path.GetTempFileName();
        using var content = TestContent.Sample();
        using var app = new AppFactory(content, new Dictionary<string, string> { ["Storage:DataDirectory"] = Path.Combine(file, "data") });

        var error = StartupFailure(Assert.ThrowsAny<Exception>(() => app.Services));

        Assert.StartsWith($"The data folder {Path.Combine(file, "data")} cannot be written", error.Message, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public void ADatabaseFromANewerVersionStopsTheAppAndIsLeftAlone()
    {
        using var content = TestContent.Sample();
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-newer-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string> { ["Storage:DataDirectory"] = data };
        using (var first = new AppFactory(content, settings))
        {
            _ = first.Services;
        }
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "interviewprep.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory VALUES ('29990101000000_FromTheFuture', '99.0.0')";
            command.ExecuteNonQuery();
        }

        using var second = new AppFactory(content, settings);
        var error = StartupFailure(Assert.ThrowsAny<Exception>(() => second.Services));

        Assert.Equal("The database is from a newer version of the app (migration 29990101000000_FromTheFuture).", error.Message);
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
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
