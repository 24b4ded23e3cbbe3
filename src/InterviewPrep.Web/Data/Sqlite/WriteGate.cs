using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// One writer at a time inside this process, in arrival order. SQLite allows one writer; when a second one
/// finds the lock taken, Microsoft.Data.Sqlite sleeps 150 ms before trying again, which under a burst of
/// grades turned a 2 ms write into a p99 of over half a second. Writers queue here instead, on an async
/// semaphore, and reach SQLite one after the other; SQLite's busy wait (30 s) remains for writers in other
/// processes (an import or a backup from the command line). See docs/decisions/0004.
/// </summary>
/// <remarks>
/// The gate is taken by a transaction (from its start to its commit or rollback), by SaveChanges outside a
/// transaction, and by a non-query command outside both (ExecuteUpdate, raw SQL). A context that already
/// holds it does not take it again. A writer that waits longer than the wait limit goes on without it and
/// is logged: the gate must never turn a slow writer into a stuck one.
/// </remarks>
public sealed class WriteGate(ILogger<WriteGate> logger) : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Holding> _held = new();

    private sealed class Holding
    {
        public int Depth;
        public bool Acquired;

        /// <summary>The depth before the running SaveChanges entered; -1 when none runs.</summary>
        public int DepthBeforeSave = -1;
    }

    /// <summary>
    /// Enters for a SaveChanges. Whatever it opens inside (its own transaction) is let go with it when it ends, however
    /// it ends: a concurrency failure reports neither a failed save nor a rollback, only that it throws.
    /// </summary>
    internal async ValueTask EnterSaveAsync(DbContext context, CancellationToken ct)
    {
        _held.GetOrCreateValue(context).DepthBeforeSave = Depth(context);
        await EnterAsync(context, ct);
    }

    internal void EnterSave(DbContext context)
    {
        _held.GetOrCreateValue(context).DepthBeforeSave = Depth(context);
        Enter(context);
    }

    /// <summary>Ends a SaveChanges: back to the depth before it, and the gate let go if that is none.</summary>
    internal void ExitSave(DbContext? context)
    {
        if (context is null || !_held.TryGetValue(context, out var holding) || holding.DepthBeforeSave < 0)
        {
            Exit(context);
            return;
        }
        var before = holding.DepthBeforeSave;
        holding.DepthBeforeSave = -1;
        if (holding.Depth > before)
        {
            holding.Depth = before + 1;
            Exit(context);
        }
    }

    private int Depth(DbContext context) => _held.TryGetValue(context, out var holding) ? holding.Depth : 0;

    internal async ValueTask EnterAsync(DbContext context, CancellationToken ct)
    {
        var holding = _held.GetOrCreateValue(context);
        if (holding.Depth++ > 0)
        {
            return;
        }
        holding.Acquired = await _semaphore.WaitAsync(WaitLimit, ct);
        WarnIfNotAcquired(holding.Acquired);
    }

    internal void Enter(DbContext context)
    {
        var holding = _held.GetOrCreateValue(context);
        if (holding.Depth++ == 0)
        {
            holding.Acquired = _semaphore.Wait(WaitLimit);
            WarnIfNotAcquired(holding.Acquired);
        }
    }

    /// <summary>
    /// Takes the gate for a writer that is no DbContext (<see cref="PreparedWrites"/>); disposing the result lets go.
    /// <see cref="Taken.Acquired"/> is false when the wait limit passed first.
    /// </summary>
    internal async ValueTask<Taken> TakeAsync(CancellationToken ct)
    {
        var acquired = await _semaphore.WaitAsync(WaitLimit, ct);
        WarnIfNotAcquired(acquired);
        return new Taken(this, acquired);
    }

    /// <summary>The gate as <see cref="TakeAsync"/> took it.</summary>
    internal readonly struct Taken(WriteGate gate, bool acquired) : IDisposable
    {
        public bool Acquired => acquired;

        public void Dispose()
        {
            if (acquired)
            {
                gate._semaphore.Release();
            }
        }
    }

    private void WarnIfNotAcquired(bool acquired)
    {
        if (!acquired)
        {
            logger.LogWarning("A database write waited {Seconds} s for the one before it; going on and leaving it to SQLite", WaitLimit.TotalSeconds);
        }
    }

    internal void Exit(DbContext? context)
    {
        if (context is null || !_held.TryGetValue(context, out var holding) || holding.Depth == 0)
        {
            return;
        }
        if (--holding.Depth == 0 && holding.Acquired)
        {
            holding.Acquired = false;
            _semaphore.Release();
        }
    }

    /// <summary>Lets go whatever the context holds: its connection closed, so no transaction of it is open.</summary>
    internal void ExitAll(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var holding) && holding.Depth > 0)
        {
            holding.Depth = 1;
            Exit(context);
        }
    }

    /// <summary>No writer holds the gate.</summary>
    internal bool IsFree => _semaphore.CurrentCount == 1;

    internal bool Holds(DbContext? context) => context is not null && _held.TryGetValue(context, out var holding) && holding.Depth > 0;

    public void Dispose() => _semaphore.Dispose();
}

/// <summary>Takes the <see cref="WriteGate"/> around transactions, saves and bulk commands of EF Core.</summary>
internal sealed class WriteGateInterceptor(WriteGate gate) : DbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    // A transaction disposed without commit or rollback (an exception on the way) reports neither; its
    // connection closing is the last word, and releases the gate.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.ExitAll(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.ExitAll(eventData.Context);
        return Task.CompletedTask;
    }

    // Transactions: held from BEGIN to COMMIT or ROLLBACK.
    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(eventData.Context!, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Enter(eventData.Context!);
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => gate.Exit(eventData.Context);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => gate.Exit(eventData.Context);

    // SaveChanges: its own transaction (which the handlers above see too; the depth counts both).
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await gate.EnterSaveAsync(eventData.Context!, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        gate.EnterSave(eventData.Context!);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        gate.ExitSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        gate.ExitSave(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => gate.ExitSave(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => gate.ExitSave(eventData.Context);

    // A lost race on a concurrency token: EF Core reports it here, and not as a failed save.
    public ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        gate.ExitSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        gate.ExitSave(eventData.Context);
        return result;
    }

    // A command that writes outside a transaction (ExecuteUpdate, ExecuteDelete, raw SQL): held for the command.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && !gate.Holds(eventData.Context))
        {
            await gate.EnterAsync(eventData.Context!, cancellationToken);
            _ = _bulk.GetOrCreateValue(command);
        }
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ExitBulk(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitBulk(command, eventData.Context);
        return Task.CompletedTask;
    }

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ExitBulk(command, eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && !gate.Holds(eventData.Context))
        {
            gate.Enter(eventData.Context!);
            _ = _bulk.GetOrCreateValue(command);
        }
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ExitBulk(command, eventData.Context);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ExitBulk(command, eventData.Context);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ExitBulk(command, eventData.Context);

    /// <summary>The commands that took the gate for themselves.</summary>
    private readonly ConditionalWeakTable<DbCommand, object> _bulk = new();

    private void ExitBulk(DbCommand command, DbContext? context)
    {
        if (_bulk.Remove(command))
        {
            gate.Exit(context);
        }
    }
}
