using System.Diagnostics;
using System.Globalization;
using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InterviewPrep.Web.Data.Postgres;

/// <summary>
/// Backups of a PostgreSQL database with the server's own tools: <c>pg_dump</c> in its custom format (consistent while
/// the app serves), and <c>pg_restore</c> into the same database, after checking the file, with a dump of what was
/// there kept first. PostgreSQL's client programs must be installed (Debian: postgresql-client).
/// </summary>
public sealed class PostgresBackup(DatabaseOptions database, IOptions<StorageOptions> storage, TimeProvider time, ILogger<PostgresBackup> logger) : IDatabaseBackup
{
    public async Task BackupAsync(string destination, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(destination);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".partial";
        File.Delete(temporary);
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", $"--file={temporary}"], ct);
        // Renamed only when complete, so a failed dump never leaves a half backup under the final name.
        File.Move(temporary, full, overwrite: true);
        logger.LogInformation("Backed up the database to {Path}", full);
    }

    public async Task<string> RestoreAsync(string source, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(source);
        if (!File.Exists(full))
        {
            throw new BackupException($"There is no backup at {full}.");
        }
        try
        {
            await RunAsync("pg_restore", ["--list", full], ct, connect: false);
        }
        catch (BackupException ex)
        {
            throw new BackupException($"{full} is not a backup pg_restore can read ({ex.Message}); nothing was changed.");
        }
        var kept = Path.Combine(storage.Value.DataDirectory, "backups",
            string.Create(CultureInfo.InvariantCulture, $"before-restore-{time.GetUtcNow():yyyyMMdd-HHmmss}.dump"));
        await BackupAsync(kept, ct);
        await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", full], ct);
        logger.LogInformation("Restored the database from {Path}; what was there is kept in {Kept}", full, kept);
        return kept;
    }

    /// <summary>Runs one of PostgreSQL's client programs against the app's database; its error output is the message of a failure.</summary>
    private async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct, bool connect = true)
    {
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (connect)
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            start.ArgumentList.Add($"--dbname={builder.Database}");
            start.Environment["PGHOST"] = builder.Host;
            start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
            start.Environment["PGUSER"] = builder.Username;
            if (builder.Password is { Length: > 0 } password)
            {
                start.Environment["PGPASSWORD"] = password;
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new BackupException($"{program} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{program} failed: {(await errors).Trim()}");
        }
    }

    /// <summary>The program on the PATH, or else in the newest of Debian's server folders.</summary>
    private static string Find(string program)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", program)).LastOrDefault(File.Exists)
            : null;
        return onPath ?? debian ?? throw new BackupException($"{program} was not found: install PostgreSQL's client programs (Debian: postgresql-client).");
    }
}
