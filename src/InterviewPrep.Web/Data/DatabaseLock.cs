namespace InterviewPrep.Web.Data;

/// <summary>
/// Work that only one app instance on a database may do at a time (applying migrations, importing the content): taken
/// around the work and let go when the returned handle is disposed, or when the process holding it ends.
/// </summary>
public interface IDatabaseLock
{
    /// <summary>Waits until no other instance holds the lock of this name, then holds it.</summary>
    Task<IAsyncDisposable> TakeAsync(string name, CancellationToken ct);
}

/// <summary>The names of the locks the app takes.</summary>
public static class DatabaseLocks
{
    public const string Migrations = "migrations";
    public const string ContentImport = "content-import";
}
