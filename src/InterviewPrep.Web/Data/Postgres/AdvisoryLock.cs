using System.Security.Cryptography;
using System.Text;
using InterviewPrep.Web.Infrastructure;
using Npgsql;

namespace InterviewPrep.Web.Data.Postgres;

/// <summary>
/// A PostgreSQL session-level advisory lock, held on a connection of its own outside the pool: closing it ends the
/// session and with it the lock, and so does the end of the process holding it (the server sees the connection drop).
/// </summary>
internal sealed class AdvisoryLock(DatabaseOptions database, ILogger<AdvisoryLock> logger) : IDatabaseLock
{
    public async Task<IAsyncDisposable> TakeAsync(string name, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var key = Key(name);
            if (!await RunAsync(connection, "SELECT pg_try_advisory_lock($1)", key, ct))
            {
                logger.LogInformation("Another instance holds the {Lock} lock; waiting for it", name);
                await RunAsync(connection, "SELECT true FROM pg_advisory_lock($1)", key, ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<bool> RunAsync(NpgsqlConnection connection, string sql, long key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }; // waits as long as the holder works
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The same number for a name in every instance and every version of the app.</summary>
    internal static long Key(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("InterviewPrep:" + name)));
}
