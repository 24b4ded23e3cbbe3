namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// On SQLite one app process serves a database file, so there is no other instance to keep out. A command-line import
/// beside the running site is kept apart by SQLite's own write lock, and two migrating processes by EF Core's lock table.
/// </summary>
internal sealed class OneProcessLock : IDatabaseLock
{
    public Task<IAsyncDisposable> TakeAsync(string name, CancellationToken ct) => Task.FromResult<IAsyncDisposable>(Held.Instance);

    private sealed class Held : IAsyncDisposable
    {
        public static readonly Held Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
