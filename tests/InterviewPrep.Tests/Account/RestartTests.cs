using System.Net;
using InterviewPrep.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Account;

public sealed class RestartingTheApp
{
    [Fact]
    public async Task ASignedInUserStaysSignedInAfterARestart()
    {
        using var content = TestContent.Sample();
        var data = Path.Combine(Path.GetTempPath(), $"interviewprep-restart-{Guid.NewGuid():N}");
        // On PostgreSQL both runs use one database, as both use one data folder.
        var database = TestPostgres.IsOn ? TestPostgres.CreateDatabase() : null;
        var settings = database is null ? AppFactory.OnSqlite : AppFactory.OnPostgresDatabase(database);
        settings["Storage:DataDirectory"] = data;
        string cookie;
        using (var first = new AppFactory(content, settings))
        {
            var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var registered = await client.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string?>
            {
                ["Input.Email"] = "stays@example.com", ["Input.Password"] = Users.Password, ["Input.TimeZoneId"] = "UTC",
            });
            cookie = registered.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("InterviewPrep.Auth=", StringComparison.Ordinal)).Split(';')[0];
        }
        SqliteConnection.ClearAllPools();

        using var second = new AppFactory(content, settings);
        var again = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/interviews", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await again.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The keys are kept with the database's provider: files beside SQLite, a table on PostgreSQL (read by every instance).
        Assert.True(database is null
            ? Directory.EnumerateFiles(Path.Combine(data, "keys"), "key-*.xml").Any()
            : await second.QueryAsync(db => ((InterviewPrep.Web.Data.Postgres.PostgresDbContext)db).DataProtectionKeys.AnyAsync()) && !Directory.Exists(Path.Combine(data, "keys")));
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        if (database is not null)
        {
            TestPostgres.DropDatabase(database);
        }
    }
}
