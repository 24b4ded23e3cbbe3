namespace InterviewPrep.Web.Data;

/// <summary>
/// <c>dotnet run -- backup PATH</c> (while the app serves, or not) and <c>-- restore PATH</c> (with the app stopped), on
/// either provider: a SQLite file copy, or a <c>pg_dump</c> archive.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(WebApplication app, string name, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await Console.Error.WriteLineAsync($"Usage: dotnet run --project src/InterviewPrep.Web -- {name} PATH");
            return 2;
        }
        var backup = app.Services.GetRequiredService<IDatabaseBackup>();
        try
        {
            if (name == "backup")
            {
                await backup.BackupAsync(path);
                await Console.Out.WriteLineAsync($"Backed up the database to {Path.GetFullPath(path)}");
            }
            else
            {
                var kept = await backup.RestoreAsync(path);
                await Console.Out.WriteLineAsync($"Restored the database from {Path.GetFullPath(path)}."
                    + (kept.Length > 0 ? $" The previous database is kept as {kept}." : ""));
            }
            return 0;
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"{name} failed: {ex.Message}");
            return 1;
        }
    }
}
