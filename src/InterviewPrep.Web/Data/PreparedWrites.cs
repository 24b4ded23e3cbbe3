using Microsoft.Data.Sqlite;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data;

/// <summary>
/// The hottest write, a grade, as statements prepared once on one kept connection, inside the write gate. Through EF
/// Core a grade's two inserts cost more in change tracking, command building and a pooled connection's open and close
/// than in SQLite. One connection is enough: the gate lets one writer in at a time.
/// </summary>
public sealed class PreparedWrites(IOptions<StorageOptions> storage, WriteGate gate) : IDisposable
{
    private KeptConnection? _kept; // touched only while holding the gate
    private bool _disposed;

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction while holding the write gate: committed when it returns,
    /// rolled back when it throws. <paramref name="write"/> gets its statements from <see cref="Statements.Command"/>.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<Statements, T> write, CancellationToken ct)
    {
        using var taken = await gate.TakeAsync(ct);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Past the gate's wait limit the kept connection may be in use: this writer gets one of its own.
        var connection = taken.Acquired ? _kept ??= Open() : Open();
        var keep = taken.Acquired;
        try
        {
            using var transaction = connection.Connection.BeginTransaction();
            var result = write(new Statements(connection, transaction));
            transaction.Commit();
            return result;
        }
        catch
        {
            keep = false; // a connection in an unknown state is not kept
            throw;
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

    private KeptConnection Open() => new(DataServices.ConnectionString(storage.Value.DatabasePath), "PRAGMA foreign_keys = ON");

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
}
