using System.Globalization;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// Consistent copies of the database with SQLite's online backup API (safe while the app serves),
/// and restoring one, after checking it, with the current database kept aside.
/// </summary>
public sealed class DatabaseBackup(IOptions<StorageOptions> storage, TimeProvider time, ILogger<DatabaseBackup> logger) : IDatabaseBackup
{
    public string BackupDirectory => Path.Combine(storage.Value.DataDirectory, "backups");

    /// <summary>Copies the live database to <paramref name="destination"/>, page by page, under SQLite's own locking.</summary>
    private const int BusyAttempts = 10;

    public async Task BackupAsync(string destination, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        File.Delete(temporary);
        await using (var source = new SqliteConnection(SqliteServices.ConnectionString(storage.Value.DatabasePath)))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            // SQLite's backup step answers "busy" at once, without the busy wait, when another connection holds a lock
            // it needs for a moment (opening the write-ahead log, a checkpoint); SQLite's advice is to try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    source.BackupDatabase(target);
                    break;
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 && attempt < BusyAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
                }
            }
        }
        // Renamed only when complete, so a crash never leaves a half backup under the final name.
        File.Move(temporary, full, overwrite: true);
        logger.LogInformation("Backed up the database to {Path}", full);
    }

    /// <summary>Checks a backup and puts it in place of the database; the app must not be running.</summary>
    public async Task<string> RestoreAsync(string source, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(source);
        if (!File.Exists(full))
        {
            throw new BackupException($"There is no backup at {full}.");
        }
        var check = await IntegrityAsync(full, ct);
        if (check != "ok")
        {
            throw new BackupException($"{full} is not a sound SQLite database ({check}); nothing was changed.");
        }
        var database = storage.Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        SqliteConnection.ClearAllPools();
        string kept = "";
        if (File.Exists(database))
        {
            kept = $"{database}.before-restore-{time.GetUtcNow():yyyyMMdd-HHmmss}";
            File.Copy(database, kept);
        }
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
        File.Copy(full, database, overwrite: true);
        logger.LogInformation("Restored the database from {Path}", full);
        return kept;
    }

    /// <summary>Makes today's automatic backup if it is missing, then prunes to 7 daily, 4 weekly and 6 monthly copies.</summary>
    public async Task RunScheduledAsync(CancellationToken ct)
    {
        if (!File.Exists(storage.Value.DatabasePath))
        {
            return;
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var path = Path.Combine(BackupDirectory, $"interviewprep-{today:yyyy-MM-dd}.db");
        if (!File.Exists(path))
        {
            await BackupAsync(path, ct);
        }
        var existing = Directory.EnumerateFiles(BackupDirectory, "interviewprep-*.db")
            .Select(f => (Path: f, Day: ParseDay(Path.GetFileNameWithoutExtension(f))))
            .Where(b => b.Day is not null)
            .ToDictionary(b => b.Day!.Value, b => b.Path);
        var keep = BackupRetention.Keep(existing.Keys);
        foreach (var (day, file) in existing.Where(e => !keep.Contains(e.Key)))
        {
            File.Delete(file);
            logger.LogInformation("Pruned the backup of {Day}", day);
        }
    }

    public static async Task<string> IntegrityAsync(string path, CancellationToken ct = default)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "no answer";
        }
        catch (SqliteException ex)
        {
            return ex.Message;
        }
    }

    private static DateOnly? ParseDay(string name) =>
        DateOnly.TryParseExact(name["interviewprep-".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>Which backups to keep: the newest of each of the last 7 days, 4 weeks and 6 months that have one.</summary>
public static class BackupRetention
{
    public static HashSet<DateOnly> Keep(IEnumerable<DateOnly> days)
    {
        var newestFirst = days.Distinct().OrderDescending().ToList();
        var keep = newestFirst.Take(7).ToHashSet();
        keep.UnionWith(newestFirst.GroupBy(d => (ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))))
            .Take(4).Select(g => g.First()));
        keep.UnionWith(newestFirst.GroupBy(d => (d.Year, d.Month)).Take(6).Select(g => g.First()));
        return keep;
    }
}

/// <summary>Runs the automatic backup at start and then every hour (it does nothing when today's copy exists).</summary>
internal sealed class DailyBackupService(DatabaseBackup backup, TimeProvider time, ILogger<DailyBackupService> logger) : BackgroundService
{
    /// <summary>The first look comes a little after start, so that a backup never competes with the start-up itself.</summary>
    internal static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(FirstRunDelay, time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await backup.RunScheduledAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is IOException or SqliteException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "The automatic backup failed; it will be tried again in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
