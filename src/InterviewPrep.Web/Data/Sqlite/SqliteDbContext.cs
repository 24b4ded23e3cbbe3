using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>The app's database in a SQLite file; its migrations are in <c>Data/Sqlite/Migrations</c>.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options);

/// <summary>For <c>dotnet ef migrations add --context SqliteDbContext</c>: a model to compare, no database needed.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
