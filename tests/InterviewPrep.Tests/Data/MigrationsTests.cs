using InterviewPrep.Web.Data.Postgres;
using InterviewPrep.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data;

/// <summary>Each provider's migrations build the model as it is: a change to the model needs a migration for both.</summary>
public sealed class KeepingTheMigrationsWithTheModel
{
    [Fact]
    public void SqlitesMigrationsHaveEveryChangeOfTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes the SQLite migrations lack: add a migration with --context SqliteDbContext.");
    }

    [Fact]
    public void PostgresMigrationsHaveEveryChangeOfTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes the PostgreSQL migrations lack: add a migration with --context PostgresDbContext.");
    }
}
