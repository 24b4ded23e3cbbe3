using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InterviewPrep.Web.Data.Postgres;

/// <summary>The app's database on a PostgreSQL server; its migrations are in <c>Data/Postgres/Migrations</c>.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection keys, shared by every instance of the app on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every date and time is UTC in the app, and PostgreSQL keeps it as <c>timestamp with time zone</c>. A value read from
    /// elsewhere may say it is of unspecified kind (SQLite gives no kind, nor does a form): it is written as the UTC it is,
    /// where Npgsql would refuse it.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTime>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTime>();
    }

    private sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>For <c>dotnet ef migrations add --context PostgresDbContext</c>: a model to compare, no server needed.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
