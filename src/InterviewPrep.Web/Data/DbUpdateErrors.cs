using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewPrep.Web.Data;

/// <summary>Tells a save that lost a race from one that failed: only the first may be answered as "someone else was first".</summary>
public static class DbUpdateErrors
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The row changed since it was read (a concurrency token), or another request inserted the same unique key first.</summary>
    public static bool IsLostRace(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception.InnerException);

    /// <summary>Another request inserted the same unique key first, on either provider.</summary>
    public static bool IsUniqueViolation(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Another request inserted the same unique key first.</summary>
    public static bool IsLostRace(this SqliteException exception) => IsUniqueViolation(exception);
}
