using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data.Sqlite;

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

    /// <summary>
    /// Reads a text column of rows by rowid through SQLite's blob API, which reads only the pages that hold the bytes
    /// asked for: first the start of each text (as many bytes as <paramref name="firstBytes"/> gives for the row's place
    /// in <paramref name="rowids"/> and the text's length, cut at a whole character), and the whole text only when
    /// <paramref name="visit"/> answers false for the start. Each text is given with its row's place and whether it is
    /// the whole text. A row that is not there is left out.
    /// </summary>
    public void ReadTexts(string table, string column, IReadOnlyList<int> rowids, Func<int, int, int> firstBytes, Func<int, ReadOnlySpan<char>, bool, bool> visit) => Lend(session =>
    {
        sqlite3_blob? blob = null;
        var bytes = ArrayPool<byte>.Shared.Rent(4096);
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            for (var row = 0; row < rowids.Count; row++)
            {
                // Moving an open handle to another row is cheap; opening one compiles a statement. A handle whose row was
                // not there is aborted, and the next row opens a new one.
                var rc = blob is null
                    ? raw.sqlite3_blob_open(session.Connection.Handle, "main", table, column, rowids[row], 0, out blob)
                    : raw.sqlite3_blob_reopen(blob, rowids[row]);
                if (rc != raw.SQLITE_OK)
                {
                    blob?.Dispose();
                    blob = null;
                    continue;
                }
                var length = raw.sqlite3_blob_bytes(blob!);
                var first = firstBytes(row, length);
                var whole = length <= first;
                var text = Decode(blob!, Math.Min(length, first), whole, ref bytes, ref chars);
                if (!visit(row, text, whole) && !whole)
                {
                    visit(row, Decode(blob!, length, true, ref bytes, ref chars), true);
                }
            }
            return true;
        }
        finally
        {
            blob?.Dispose();
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    });

    /// <summary>The first <paramref name="count"/> bytes of the blob as text; of a start, without a character cut in two.</summary>
    private static ReadOnlySpan<char> Decode(sqlite3_blob blob, int count, bool whole, ref byte[] bytes, ref char[] chars)
    {
        if (bytes.Length < count)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = ArrayPool<byte>.Shared.Rent(count);
        }
        if (chars.Length < count)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(count);
        }
        SqliteException.ThrowExceptionForRC(raw.sqlite3_blob_read(blob, bytes.AsSpan(0, count), 0), null);
        System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(0, count), chars, out _, out var written, replaceInvalidSequences: true, isFinalBlock: whole);
        return chars.AsSpan(0, written);
    }

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
            session = new KeptConnection(SqliteServices.ConnectionString(storage.Value.DatabasePath), "PRAGMA cache_size = -256");
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
