using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Data.Postgres;
using InterviewPrep.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Data;

/// <summary><c>-- backup</c> and <c>-- restore</c> on PostgreSQL: pg_dump's archive, and pg_restore into the same database.</summary>
[Trait("Provider", "Postgres")]
public sealed class KeepingBackupsOnPostgres
{
    [Fact]
    public async Task ABackupTakenWhileServingHoldsTheDataAndARestoreBringsItBack()
    {
        using var content = TestContent.Sample();
        var database = TestPostgres.CreateDatabase();
        var settings = AppFactory.OnPostgresDatabase(database);
        var backupPath = Path.Combine(Path.GetTempPath(), $"interviewprep-backup-{Guid.NewGuid():N}.dump");
        try
        {
            string dataDirectory;
            using (var app = new AppFactory(content, settings))
            {
                dataDirectory = app.DataDirectory;
                var client = await app.SignedInClientAsync();
                await client.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Kept Co", ["Input.Role"] = "MLE" });

                await app.Services.GetRequiredService<IDatabaseBackup>().BackupAsync(backupPath);

                var id = await app.QueryAsync(db => db.Interviews.Select(i => i.Id).SingleAsync());
                await client.SubmitAsync($"/interviews/{id}/delete");
                Assert.False(await app.QueryAsync(db => db.Interviews.AnyAsync()));
            }

            // The app is stopped, as it must be for a restore.
            var restore = Backup(database, dataDirectory);
            await Assert.ThrowsAsync<BackupException>(() => restore.RestoreAsync(content.Root + "/categories/theory.md"));
            var kept = await restore.RestoreAsync(backupPath);

            Assert.True(new FileInfo(kept).Length > 0);
            using var again = new AppFactory(content, settings);
            Assert.Equal(["Kept Co"], await again.QueryAsync(db => db.Interviews.Select(i => i.Company).ToListAsync()));
        }
        finally
        {
            File.Delete(backupPath);
            TestPostgres.DropDatabase(database);
        }
    }

    private static PostgresBackup Backup(string database, string dataDirectory)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = TestPostgres.ConnectionString(database),
        }).Build();
        return new PostgresBackup(DatabaseOptions.From(configuration), Options.Create(new StorageOptions { DataDirectory = dataDirectory }), TimeProvider.System, NullLogger<PostgresBackup>.Instance);
    }
}
