using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// An open connection kept outside Microsoft.Data.Sqlite's pool, and the statements prepared on it, by SQL text: a
/// statement is compiled once for the life of the connection instead of once per command. Not thread-safe: one user at
/// a time (<see cref="PreparedReads"/> lends it out, <see cref="PreparedWrites"/> uses it inside the write gate).
/// </summary>
internal sealed class KeptConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    public KeptConnection(string connectionString, string pragmas)
    {
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        Connection.Open();
        using var pragma = Connection.CreateCommand();
        pragma.CommandText = pragmas;
        pragma.ExecuteNonQuery();
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }
        return command;
    }

    /// <summary>
    /// A statement prepared with SQLite's own API, kept like the commands: for a read whose text is wanted as UTF-8 bytes,
    /// which Microsoft.Data.Sqlite has no way to give without making a string of it.
    /// </summary>
    public sqlite3_stmt Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(Connection.Handle, sql, out statement), Connection.Handle);
            _statements[sql] = statement;
        }
        return statement;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        Connection.Dispose();
    }
}
