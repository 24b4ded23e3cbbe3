using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data;

/// <summary>
/// A few connections kept open for the hottest anonymous reads, each with its statements prepared once and kept.
/// Microsoft.Data.Sqlite keeps a prepared statement only as long as its command, and EF Core (or any code that makes a
/// new command per query) has SQLite compile the SQL again on every request: for the question page's one query that was
/// about a fifth of the page's CPU. Reads only: writes take the write gate (EF Core, or <see cref="PreparedWrites"/>).
/// </summary>
public sealed class PreparedReads(IOptions<StorageOptions> storage) : IDisposable
{
    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount * 2);
    private readonly ConcurrentBag<KeptConnection> _idle = [];
    private int _idleCount;
    private bool _disposed;

    /// <summary>
    /// Runs one statement on a connection of the pool: <paramref name="bind"/> sets its parameters (with
    /// <see cref="Set"/>), <paramref name="read"/> reads its rows. Synchronous on purpose: SQLite has no asynchronous
    /// I/O, and the connection goes back to the pool as soon as the rows are read.
    /// </summary>
    public T Read<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read) => Lend(session =>
    {
        var command = session.Command(sql);
        bind(command);
        using var reader = command.ExecuteReader();
        return read(reader);
    });

    /// <summary>
    /// Runs one statement prepared with SQLite's own API (<see cref="KeptConnection.Statement"/>): <paramref name="read"/>
    /// binds its parameters, steps through its rows with <see cref="Step"/> and reads their columns; the statement is
    /// reset and its bindings cleared afterwards. For rows whose text is better read as bytes than as strings.
    /// </summary>
    public T ReadRaw<T>(string sql, Func<sqlite3_stmt, T> read) => Lend(session =>
    {
        var statement = session.Statement(sql);
        try
        {
            return read(statement);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    });

    /// <summary>Steps a statement of <see cref="ReadRaw"/>: true for a row, false at the end, an exception for an error.</summary>
    public static bool Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(statement));
        }
        return false;
    }

    private T Lend<T>(Func<KeptConnection, T> use)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        KeptConnection session;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            session = idle;
        }
        else
        {
            // A small page cache: these connections read pages scattered over the bank (one question's row, one page of
            // search results), which the OS caches anyway; SQLite's default of 2 MB each showed up in peak memory.
            session = new KeptConnection(DataServices.ConnectionString(storage.Value.DatabasePath), "PRAGMA cache_size = -256");
        }
        try
        {
            var result = use(session);
            Return(session);
            return result;
        }
        catch
        {
            // A connection in an unknown state is not put back.
            session.Dispose();
            throw;
        }
    }

    /// <summary>Sets a parameter of a kept command: added the first time, its value replaced after that. Null is NULL.</summary>
    public static void Set(SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private void Return(KeptConnection session)
    {
        // Counted apart: ConcurrentBag.Count takes every lock of the bag.
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
            return;
        }
        _idle.Add(session);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }
}
