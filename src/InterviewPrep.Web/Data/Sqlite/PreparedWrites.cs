using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// The hottest write, a grade, as statements prepared once on one kept connection, inside the write gate. Through EF
/// Core a grade's two inserts cost more in change tracking, command building and a pooled connection's open and close
/// than in SQLite. One connection is enough: the gate lets one writer in at a time.
/// </summary>
/// <remarks>
/// Writes that arrive while another commits are committed together (group commit): the first writer to find no one
/// committing takes the gate and commits every write queued by then in one transaction, each in a savepoint of its own,
/// then the next group, until the queue is empty. A commit waits for the disk (about a millisecond here, under load);
/// one writer at a time, that wait capped grading at about 550 a second however many cores were idle. Every writer's
/// task ends only after the commit that holds its write, so a write is answered as saved only once it is on disk, as
/// before. A write that throws is rolled back to its savepoint alone; a commit that fails fails every write of its group.
/// </remarks>
public sealed class PreparedWrites(IOptions<StorageOptions> storage, WriteGate gate) : IDisposable
{
    private const int MaxGroup = 64;
    private const string Savepoint = "write";
    private readonly ConcurrentQueue<Pending> _queue = new();
    private KeptConnection? _kept; // touched only while holding the gate
    private int _committing;
    private bool _disposed;

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction while holding the write gate, and returns its result once that
    /// transaction is committed; when it throws, its statements are rolled back and the exception is thrown here.
    /// <paramref name="write"/> gets its statements from <see cref="Statements.Command"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Statements, T> write, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pending = new Pending<T>(write);
        _queue.Enqueue(pending);
        await CommitQueuedAsync();
        return await pending.Task.WaitAsync(ct);
    }

    /// <summary>Commits the queue in groups, unless another writer is doing so: that one sees this write in its next group.</summary>
    private async Task CommitQueuedAsync()
    {
        // Whoever stops committing looks at the queue again, so a write queued just then is never left behind.
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _committing, 1, 0) == 0)
        {
            try
            {
                while (!_queue.IsEmpty)
                {
                    // The gate is let go between groups, so EF Core's writers take their turn.
                    using var taken = await gate.TakeAsync(CancellationToken.None);
                    CommitGroup(taken.Acquired);
                }
            }
            finally
            {
                Volatile.Write(ref _committing, 0);
            }
        }
    }

    private void CommitGroup(bool holdsGate)
    {
        var group = new List<Pending>(Math.Min(_queue.Count, MaxGroup));
        while (group.Count < MaxGroup && _queue.TryDequeue(out var next))
        {
            group.Add(next);
        }
        // Past the gate's wait limit the kept connection may be in use: this group gets one of its own.
        var connection = holdsGate && !_disposed ? _kept ??= Open() : Open();
        var keep = holdsGate && ReferenceEquals(connection, _kept);
        try
        {
            using (var transaction = connection.Connection.BeginTransaction())
            {
                foreach (var pending in group)
                {
                    transaction.Save(Savepoint);
                    try
                    {
                        pending.Run(new Statements(connection, transaction));
                    }
                    catch (Exception e)
                    {
                        pending.Fail(e);
                        // Throws when SQLite has rolled the whole transaction back (a full disk, an I/O error): then the
                        // others fail below, with that error.
                        transaction.Rollback(Savepoint);
                    }
                    transaction.Release(Savepoint);
                }
                transaction.Commit();
            }
            foreach (var pending in group)
            {
                pending.Saved();
            }
        }
        catch (Exception e)
        {
            // The transaction is gone (its commit failed, or SQLite rolled it back): nothing of this group is saved.
            keep = false;
            foreach (var pending in group)
            {
                pending.Fail(e);
            }
        }
        finally
        {
            if (!keep)
            {
                if (ReferenceEquals(_kept, connection))
                {
                    _kept = null;
                }
                connection.Dispose();
            }
        }
    }

    private KeptConnection Open() =>
        new(SqliteServices.ConnectionString(storage.Value.DatabasePath), $"PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {CheckpointPages}");

    /// <summary>
    /// How many pages the write-ahead log holds before a commit of this connection copies them into the database (SQLite's
    /// default is 1,000). A grade writes about 20 pages (two rows and nine index entries), so at the default a checkpoint ran
    /// inside a commit every 45 grades or so under load, holding up the whole group behind it. At 4,000 it runs a quarter as
    /// often and writes fewer pages in all, as a page changed many times is copied once; in three alternating runs of the
    /// benchmark's grading at 16 users, throughput rose 3 to 21 % and CPU per grade fell 2 to 15 %. The log file then stays
    /// at about 17 MB instead of 4 MB. EF Core's connections keep the default: they write seldom.
    /// </summary>
    internal const int CheckpointPages = 4000;

    public void Dispose()
    {
        _disposed = true;
        _kept?.Dispose();
        _kept = null;
    }

    /// <summary>The statements of one write, all in its transaction.</summary>
    public readonly struct Statements
    {
        private readonly KeptConnection _connection;
        private readonly SqliteTransaction _transaction;

        internal Statements(KeptConnection connection, SqliteTransaction transaction) => (_connection, _transaction) = (connection, transaction);

        /// <summary>The statement for this SQL, prepared once; set its parameters with <see cref="PreparedReads.Set"/>.</summary>
        public SqliteCommand Command(string sql)
        {
            var command = _connection.Command(sql);
            command.Transaction = _transaction;
            return command;
        }
    }

    private abstract class Pending
    {
        public abstract void Run(Statements statements);

        /// <summary>Its group is committed.</summary>
        public abstract void Saved();

        public abstract void Fail(Exception exception);
    }

    private sealed class Pending<T>(Func<Statements, T> write) : Pending
    {
        // Asynchronously: the writer that commits must not run the others' requests on its way.
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _done.Task;

        public override void Run(Statements statements) => _result = write(statements);

        public override void Saved() => _done.TrySetResult(_result!);

        public override void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
