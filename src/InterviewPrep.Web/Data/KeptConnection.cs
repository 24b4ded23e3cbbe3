using Microsoft.Data.Sqlite;

namespace InterviewPrep.Web.Data;

/// <summary>
/// An open connection kept outside Microsoft.Data.Sqlite's pool, and the statements prepared on it, by SQL text: a
/// statement is compiled once for the life of the connection instead of once per command. Not thread-safe: one user at
/// a time (<see cref="PreparedReads"/> lends it out, <see cref="PreparedWrites"/> uses it inside the write gate).
/// </summary>
internal sealed class KeptConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

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

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        Connection.Dispose();
    }
}
