using Npgsql;

namespace InterviewPrep.Tests.Support;

/// <summary>
/// The PostgreSQL server of a test run, when there is one: <c>INTERVIEWPREP_TEST_POSTGRES</c> holds an administrator's
/// connection string to it (<c>./test.sh</c> starts a throwaway cluster and sets it for the run on PostgreSQL). Each app
/// of the tests gets a database of its own, dropped with it.
/// </summary>
public static class TestPostgres
{
    private static readonly string? Admin = Environment.GetEnvironmentVariable("INTERVIEWPREP_TEST_POSTGRES");

    public static bool IsOn => !string.IsNullOrWhiteSpace(Admin);

    public static string CreateDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Admin) { Database = database, Pooling = true, MaxPoolSize = 40 }.ToString();

    public static void DropDatabase(string database)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
