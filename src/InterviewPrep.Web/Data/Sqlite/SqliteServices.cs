using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// The database in a SQLite file in the data folder, and what only SQLite needs: the write queue, the kept connections
/// and prepared statements of the hottest reads and of a grade, and the online backup, daily unless turned off.
/// </summary>
public static class SqliteServices
{
    public static WebApplicationBuilder AddSqliteDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddDbContextPool<AppDbContext, SqliteDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.UseSqlite(ConnectionString(storage.DatabasePath));
        });
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<IWriteGate>(services => services.GetRequiredService<WriteGate>());
        builder.Services.AddSingleton<PreparedReads>();
        builder.Services.AddSingleton<PreparedWrites>();
        builder.Services.AddSingleton<IStudyReads, SqliteStudyReads>();
        builder.Services.AddSingleton<IGradeWrites, SqliteGradeWrites>();
        builder.Services.AddSingleton<IQuestionTexts, SqliteQuestionTexts>();
        builder.Services.AddSingleton<IDatabaseLock, OneProcessLock>();
        // The data-protection keys (sign-in cookies, antiforgery tokens) in the data folder beside the database.
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>, ILoggerFactory>((options, storage, logging) =>
                options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.DataDirectory, "keys")), logging));
        builder.Services.AddSingleton<DatabaseBackup>();
        builder.Services.AddSingleton<IDatabaseBackup>(services => services.GetRequiredService<DatabaseBackup>());
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
