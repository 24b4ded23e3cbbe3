namespace InterviewPrep.Web.Data;

/// <summary>A consistent copy of the database in a file, and the database put back from one. Each provider registers one.</summary>
public interface IDatabaseBackup
{
    /// <summary>Writes a copy of the live database to the file; safe while the app serves.</summary>
    Task BackupAsync(string destination, CancellationToken ct = default);

    /// <summary>Checks a backup and puts it in place of the database, with the app stopped; returns where what was there is kept.</summary>
    Task<string> RestoreAsync(string source, CancellationToken ct = default);
}

/// <summary>A backup or restore that cannot go ahead; the message says why.</summary>
public sealed class BackupException(string message) : Exception(message);
