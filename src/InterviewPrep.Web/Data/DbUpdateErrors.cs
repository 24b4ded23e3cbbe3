using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Data;

/// <summary>Tells a save that lost a race from one that failed: only the first may be answered as "someone else was first".</summary>
public static class DbUpdateErrors
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The row changed since it was read (a concurrency token), or another request inserted the same unique key first.</summary>
    public static bool IsLostRace(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is SqliteException unique && unique.IsLostRace();

    /// <summary>Another request inserted the same unique key first.</summary>
    public static bool IsLostRace(this SqliteException exception) => exception.SqliteExtendedErrorCode == SqliteConstraintUnique;
}
