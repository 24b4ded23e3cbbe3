using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Data;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>Where the app keeps its state: the database, logs, backups and data-protection keys.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Absolute, or relative to the content root (the project folder under <c>dotnet run</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.Combine(DataDirectory, "interviewprep.db");
    public string LogDirectory => Path.Combine(DataDirectory, "logs");
}

/// <summary>Which database engine holds the data: <c>Database:Provider</c>, and for PostgreSQL <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public bool IsPostgres { get; private init; }

    /// <summary>The Npgsql connection string, for PostgreSQL.</summary>
    public string? ConnectionString { get; private init; }

    /// <summary>The server and database the connection string names, without its password, for messages.</summary>
    public string ServerName
    {
        get
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>Reads the choice, or stops the start with one plain sentence when it cannot be used.</summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var provider = configuration[$"{Section}:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseOptions();
        }
        if (!provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException($"Database:Provider is '{provider}'; it must be 'Sqlite' (the default) or 'Postgres'.");
        }
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException("Database:Provider is 'Postgres' but ConnectionStrings:Default is empty; set it to an Npgsql connection string such as \"Host=localhost;Database=interviewprep;Username=app;Password=...\".");
        }
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"ConnectionStrings:Default is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
        return new DatabaseOptions { IsPostgres = true, ConnectionString = connectionString };
    }
}
