using InterviewPrep.Web.Data.Postgres;
using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data;

/// <summary>Registers the database: SQLite in the data folder (the default) or PostgreSQL, as <c>Database:Provider</c> says.</summary>
public static class DataServices
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) => o.DataDirectory = Path.GetFullPath(o.DataDirectory, env.ContentRootPath))
            .ValidateDataAnnotations().ValidateOnStart();
        var database = DatabaseOptions.From(builder.Configuration);
        builder.Services.AddSingleton(database);
        // First of the hosted services: nothing else may read the database before its migrations are applied (the
        // data-protection keys are read by a hosted service of their own, on PostgreSQL from a table).
        builder.Services.AddHostedService<DatabaseInitializer>();
        if (database.IsPostgres)
        {
            builder.AddPostgresDatabase(database.ConnectionString!);
        }
        else
        {
            builder.AddSqliteDatabase();
        }
        builder.Services.AddScoped<DatabaseWrites>();
        return builder;
    }
}

/// <summary>Creates the data folder, applies migrations and switches the database to WAL before anything else runs.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<StorageOptions> storage, DatabaseOptions database, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PrepareAsync(services, storage.Value, database, logger, cancellationToken);

    /// <summary>Makes the data folder and the database ready to use; returns how many migrations it applied.</summary>
    public static async Task<int> PrepareAsync(IServiceProvider services, StorageOptions storage, DatabaseOptions database, ILogger logger, CancellationToken cancellationToken)
    {
        EnsureWritable(storage.DataDirectory, logger);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            return await MigrateAsync(db, scope.ServiceProvider.GetRequiredService<IDatabaseLock>(), logger, cancellationToken);
        }
        catch (Exception ex) when (database.IsPostgres && ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException && ex is not StartupException)
        {
            var server = database.ServerName;
            logger.LogCritical("The PostgreSQL server {Server} cannot be reached or refused the connection ({Reason}). Check ConnectionStrings:Default and that the server runs.", server, ex.Message);
            throw new StartupException($"The PostgreSQL server {server} cannot be reached or refused the connection: {ex.Message}", ex);
        }
    }

    /// <summary>Creates the data folder and proves it writable, or stops the app with a message that says what to do.</summary>
    public static void EnsureWritable(string directory, ILogger logger)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogCritical("The data folder {Directory} cannot be written ({Reason}). Set Storage:DataDirectory to a folder this app may write, or fix its permissions.", directory, ex.Message);
            throw new StartupException($"The data folder {directory} cannot be written: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Applies the migrations this version has and the database lacks, one instance at a time: another instance
    /// started at the same moment waits, then finds nothing left to apply.
    /// </summary>
    public static async Task<int> MigrateAsync(AppDbContext db, IDatabaseLock locks, ILogger logger, CancellationToken ct)
    {
        await using var held = await locks.TakeAsync(DatabaseLocks.Migrations, ct);
        // The history table first: asked for its migrations, a database without one makes EF Core log an error.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            logger.LogCritical("The database was written by a newer version of InterviewPrep (it has migration {Migration}, which this version does not know). Run the newer version, or restore a backup made by this one.", unknown[^1]);
            throw new StartupException($"The database is from a newer version of the app (migration {unknown[^1]}).");
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        return pending.Count;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The app cannot start; the message says why and what to do, and has been logged.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// <c>dotnet run -- migrate</c>: applies the migrations and exits, for a rolling upgrade (migrate once, then replace the
/// instances one by one).
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        var services = app.Services;
        var applied = await DatabaseInitializer.PrepareAsync(services, services.GetRequiredService<IOptions<StorageOptions>>().Value,
            services.GetRequiredService<DatabaseOptions>(), services.GetRequiredService<ILogger<DatabaseInitializer>>(), CancellationToken.None);
        await Console.Out.WriteLineAsync(applied == 0 ? "The database is up to date; no migration to apply." : $"Applied {applied} migrations; the database is up to date.");
        return 0;
    }
}
