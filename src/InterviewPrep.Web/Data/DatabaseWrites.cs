using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewPrep.Web.Data;

/// <summary>
/// The one way to write through EF Core: a unit of work in one transaction, committed when it returns and rolled back
/// when it throws. On SQLite it runs inside the write queue (<see cref="IWriteGate"/>), which is let go when the unit
/// ends however it ends, so a transaction disposed without a commit can never keep it; on PostgreSQL a unit that loses
/// to another transaction (a serialization failure or a deadlock) runs again, at most three times in all.
/// </summary>
/// <remarks>
/// A unit run again is run as it is, with what the context tracks: its work must be safe to run twice, as a save of
/// tracked changes and a single bulk update are. A unit inside another unit of the same context joins it. A grade's
/// write on SQLite has a queue of its own (<c>PreparedWrites</c>, which takes the same write queue): never call it from
/// inside a unit.
/// </remarks>
public sealed class DatabaseWrites(AppDbContext db, IWriteGate queue)
{
    private const int MaxAttempts = 3;

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }
        for (var attempt = 1; ; attempt++)
        {
            using var entered = await queue.EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work();
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConflict(e))
            {
                // Rolled back as the transaction is disposed; the context still holds the changes, and the work runs again.
            }
        }
    }

    public Task RunAsync(Func<Task> work, CancellationToken ct) => RunAsync(async () =>
    {
        await work();
        return true;
    }, ct);

    /// <summary>Saves what the context tracks, as a unit of its own.</summary>
    public Task<int> SaveAsync(CancellationToken ct) => RunAsync(() => db.SaveChangesAsync(ct), ct);

    /// <summary>Another transaction won: PostgreSQL's serialization failure or deadlock, which running again resolves.</summary>
    private static bool IsConflict(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        InvalidOperationException { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };
}

/// <summary>Who may write at a time: on SQLite one writer of this process (the queue of <c>WriteGate</c>), on PostgreSQL anyone.</summary>
public interface IWriteGate
{
    /// <summary>Waits for this writer's turn; disposing the result ends it.</summary>
    ValueTask<IDisposable> EnterAsync(CancellationToken ct);
}

/// <summary>PostgreSQL's own locks order its writers: no queue in the app.</summary>
internal sealed class OpenWriteGate : IWriteGate
{
    public ValueTask<IDisposable> EnterAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable>(Nothing.Instance);

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }
    }
}
