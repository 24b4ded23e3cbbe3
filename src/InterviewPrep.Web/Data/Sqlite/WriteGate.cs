namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// SQLite's write queue: one writer of this process at a time, in arrival order. SQLite allows one writer; a second one
/// that finds the lock taken sleeps and tries again instead of waiting its turn, which under a burst of grades made
/// short writes slow (decision 0004 has the figures). Writers queue here instead, on an async semaphore, and reach
/// SQLite one after the other; SQLite's busy wait remains for writers in other processes (an import or a backup from
/// the command line).
/// </summary>
/// <remarks>
/// Taken explicitly: by each unit of work of <see cref="DatabaseWrites"/>, and by each group commit of
/// <see cref="PreparedWrites"/>; let go when what took it is disposed, however it ends. A writer that waits longer than
/// the wait limit goes on without it and is logged: the queue must never turn a slow writer into a stuck one.
/// </remarks>
public sealed class WriteGate(ILogger<WriteGate> logger) : IWriteGate, IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    async ValueTask<IDisposable> IWriteGate.EnterAsync(CancellationToken ct) => await TakeAsync(ct);

    /// <summary>Waits for this writer's turn; disposing the result lets go. <see cref="Taken.Acquired"/> is false when the wait limit passed first.</summary>
    internal async ValueTask<Taken> TakeAsync(CancellationToken ct)
    {
        var acquired = await _semaphore.WaitAsync(WaitLimit, ct);
        if (!acquired)
        {
            logger.LogWarning("A database write waited {Seconds} s for the one before it; going on and leaving it to SQLite", WaitLimit.TotalSeconds);
        }
        return new Taken(this, acquired);
    }

    /// <summary>The queue as <see cref="TakeAsync"/> took it; let go once, when disposed.</summary>
    internal sealed class Taken(WriteGate gate, bool acquired) : IDisposable
    {
        private int _released;

        public bool Acquired => acquired;

        public void Dispose()
        {
            if (acquired && Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate._semaphore.Release();
            }
        }
    }

    /// <summary>No writer holds the queue.</summary>
    internal bool IsFree => _semaphore.CurrentCount == 1;

    public void Dispose() => _semaphore.Dispose();
}
