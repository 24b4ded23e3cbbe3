using InterviewPrep.Web.Data.Sqlite;
using System.Net;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Data;

[Trait("Provider", "Sqlite")]
public sealed class KeepingBackups
{
    [Fact]
    public void RetentionKeepsSevenDailyFourWeeklyAndSixMonthlyCopies()
    {
        var today = new DateOnly(2026, 11, 25);
        var days = Enumerable.Range(0, 400).Select(i => today.AddDays(-i)).ToList();

        var keep = BackupRetention.Keep(days);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => today.AddDays(-i)), keep.Where(d => d > today.AddDays(-7)).OrderDescending());
        Assert.Contains(new DateOnly(2026, 11, 15), keep); // newest of the week before last (Sunday)
        Assert.Contains(new DateOnly(2026, 6, 30), keep);  // newest of June, the sixth month
        Assert.DoesNotContain(new DateOnly(2026, 5, 31), keep);
        Assert.True(keep.Count <= 17, $"{keep.Count} copies kept");
    }

    [Fact]
    public async Task ABackupTakenWhileServingHoldsTheDataAndARestoreBringsItBack()
    {
        using var content = TestContent.Sample();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"interviewprep-kept-{Guid.NewGuid():N}");
        var backupPath = Path.Combine(Path.GetTempPath(), $"interviewprep-backup-{Guid.NewGuid():N}.db");
        using (var app = new AppFactory(content, new Dictionary<string, string> { ["Storage:DataDirectory"] = dataDirectory }))
        {
            var client = await app.SignedInClientAsync();
            await client.SubmitAsync("/interviews/new", new Dictionary<string, string?> { ["Input.Company"] = "Kept Co", ["Input.Role"] = "MLE" });

            await app.Services.GetRequiredService<DatabaseBackup>().BackupAsync(backupPath);

            Assert.Equal("ok", await DatabaseBackup.IntegrityAsync(backupPath));
            await client.SubmitAsync("/interviews/1/delete");
            Assert.False(await app.QueryAsync(db => db.Interviews.AnyAsync()));
        }

        // The app is stopped, as it must be for a restore.
        SqliteConnection.ClearAllPools();
        var restore = new DatabaseBackup(Options.Create(new StorageOptions { DataDirectory = dataDirectory }), TimeProvider.System, NullLogger<DatabaseBackup>.Instance);
        var kept = await restore.RestoreAsync(backupPath);

        Assert.True(File.Exists(kept));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "interviewprep.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Company FROM Interviews";
        Assert.Equal("Kept Co", await command.ExecuteScalarAsync());
        await connection.CloseAsync();
        File.Delete(backupPath);
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task ABrokenBackupIsRefusedAndChangesNothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"interviewprep-restore-{Guid.NewGuid():N}");
        var broken = Path.Combine(directory, "broken.db");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(broken, "this is not a database");
        var restore = new DatabaseBackup(Options.Create(new StorageOptions { DataDirectory = directory }), TimeProvider.System, NullLogger<DatabaseBackup>.Instance);

        var error = await Assert.ThrowsAsync<BackupException>(() => restore.RestoreAsync(broken));

        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "interviewprep.db")));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task TheScheduledBackupMakesOneCopyADayAndPrunesOldOnes()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var backup = app.Services.GetRequiredService<DatabaseBackup>();

        for (var day = 0; day < 40; day++)
        {
            await backup.RunScheduledAsync(CancellationToken.None);
            await backup.RunScheduledAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var files = Directory.GetFiles(backup.BackupDirectory, "interviewprep-*.db");
        Assert.InRange(files.Length, 9, 13);
        Assert.All(files, f => Assert.Equal("ok", DatabaseBackup.IntegrityAsync(f).Result));
    }
}

public sealed class LimitingRequests
{
    [Fact]
    public async Task AnOversizedBodyAnswers413()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = await app.SignedInClientAsync();

        var response = await client.PostAsync(new Uri("/interviews/new", UriKind.Relative), new ByteArrayContent(new byte[5 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
