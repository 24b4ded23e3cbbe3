using InterviewPrep.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data;

/// <summary>Registers the database: SQLite in the data folder, WAL journal and a busy timeout.</summary>
public static class DataServices
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) => o.DataDirectory = Path.GetFullPath(o.DataDirectory, env.ContentRootPath))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddDbContextPool<AppDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseSqlite(ConnectionString(storage.DatabasePath));
        });
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<DatabaseBackup>();
        if (builder.Configuration.GetValue("Backup:Automatic", true))
        {
            builder.Services.AddHostedService<DailyBackupService>();
        }
        return builder;
    }

    /// <summary>Waits up to 30 s for another writer instead of failing with "database is locked".</summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}

/// <summary>Creates the data folder, applies migrations and switches the database to WAL before anything else runs.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IOptions<StorageOptions> storage, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(storage.Value.DataDirectory);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await MigrateAsync(db, logger, cancellationToken);
    }

    public static async Task MigrateAsync(AppDbContext db, ILogger logger, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
            await db.Database.MigrateAsync(ct);
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
