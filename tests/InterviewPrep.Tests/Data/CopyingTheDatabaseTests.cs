using System.Net;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Data;

/// <summary>Moving an instance: every row of a SQLite database that people used goes into an empty PostgreSQL database.</summary>
[Trait("Provider", "Postgres")]
public sealed class CopyingTheDatabase
{
    [Fact]
    public async Task EveryRowArrivesAndAUserSignsInWithTheOldPassword()
    {
        using var content = TestContent.Sample();
        using var source = new AppFactory(content, AppFactory.OnSqlite);
        var email = $"mover-{Guid.NewGuid():N}@example.com";
        var client = await source.SignedInClientAsync(email);
        for (var i = 0; i < 3; i++)
        {
            var (page, url) = await client.RevealAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await client.GradeAsync(page, url, "3")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/interviews/new", new Dictionary<string, string?>
        {
            ["Input.Company"] = "Acme AI", ["Input.Role"] = "ML engineer", ["Input.Stage"] = "TechnicalScreen",
            ["Input.Date"] = source.Clock.GetUtcNow().AddDays(4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "10:30", ["Input.TimeZoneId"] = "Europe/Berlin", ["Input.DurationMinutes"] = "45", ["Input.Format"] = "Video",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/practice/new", new Dictionary<string, string?>
        {
            ["Input.Date"] = source.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DurationMinutes"] = "40", ["Input.Kind"] = "Reading", ["Input.Rating"] = "4",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account", formSelector: "form[action*='handler=NewFeed']")).StatusCode);

        var target = TestPostgres.CreateDatabase();
        try
        {
            var reports = new List<CopyProgress>();
            await source.QueryAsync(async db =>
            {
                await new DatabaseCopy(db, NullLogger<DatabaseCopy>.Instance).CopyToAsync(TestPostgres.ConnectionString(target), KeysOf(source), new Collect(reports), CancellationToken.None);
                return true;
            });

            using var moved = new AppFactory(content, AppFactory.OnPostgresDatabase(target));
            var tables = await source.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList()));
            foreach (var table in tables)
            {
                var sql = $"SELECT count(*) AS \"Value\" FROM \"{table}\"";
                var (before, after) = (await source.QueryAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync()), await moved.QueryAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync()));
                Assert.True(before == after, $"{table}: {before} rows before, {after} after");
            }
            Assert.Contains(reports, r => r.Table == "ReviewLogs" && r.Copied == 3 && r.Total == 3);

            // What the old instance protected (its sign-in cookies, its forms' tokens) the new one reads: the keys moved.
            var protectedBySource = source.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("moving").Protect("still signed in");
            Assert.Equal("still signed in", moved.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("moving").Unprotect(protectedBySource));

            var user = await source.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
            var copied = await moved.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
            Assert.Equal((user.Id, user.PasswordHash, user.SecurityStamp, user.TimeZoneId, user.CalendarToken), (copied.Id, copied.PasswordHash, copied.SecurityStamp, copied.TimeZoneId, copied.CalendarToken));
            Assert.NotNull(copied.CalendarToken);
            var logs = await source.QueryAsync(db => db.ReviewLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync());
            var copiedLogs = await moved.QueryAsync(db => db.ReviewLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync());
            Assert.Equal(logs.Select(l => (l.Id, l.FlashcardId, l.Grade, l.Before, l.After, l.Deck)), copiedLogs.Select(l => (l.Id, l.FlashcardId, l.Grade, l.Before, l.After, l.Deck)));

            // The old password still opens the account, and the next rows get ids after the copied ones.
            var signIn = moved.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var signedIn = await signIn.SubmitAsync("/Identity/Account/Login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = Users.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await signIn.GetAsync(new Uri("/interviews", UriKind.Relative))).StatusCode);
            var (next, nextUrl) = await signIn.RevealAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await signIn.GradeAsync(next, nextUrl, "4")).StatusCode);
            Assert.Equal(4, await moved.QueryAsync(db => db.ReviewLogs.CountAsync()));
        }
        finally
        {
            TestPostgres.DropDatabase(target);
        }
    }

    [Fact]
    public async Task ATargetThatIsNotEmptyIsRefusedAndLeftAsItWas()
    {
        using var content = TestContent.Sample();
        using var source = new AppFactory(content, AppFactory.OnSqlite);
        await source.SignedInClientAsync();
        var target = TestPostgres.CreateDatabase();
        try
        {
            using (var used = new AppFactory(content, AppFactory.OnPostgresDatabase(target)))
            {
                await used.SignedInClientAsync("already-here@example.com");
            }

            var refused = await Assert.ThrowsAsync<CopyException>(() => source.QueryAsync(async db =>
            {
                await new DatabaseCopy(db, NullLogger<DatabaseCopy>.Instance).CopyToAsync(TestPostgres.ConnectionString(target), KeysOf(source), null, CancellationToken.None);
                return true;
            }));

            Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
            using var after = new AppFactory(content, AppFactory.OnPostgresDatabase(target));
            Assert.Equal(["already-here@example.com"], await after.QueryAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
        }
        finally
        {
            TestPostgres.DropDatabase(target);
        }
    }

    private static IXmlRepository KeysOf(AppFactory app) =>
        app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!;

    private sealed class Collect(List<CopyProgress> reports) : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value) => reports.Add(value);
    }
}
