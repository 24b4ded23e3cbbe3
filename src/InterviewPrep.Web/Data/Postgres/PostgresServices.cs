using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Questions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InterviewPrep.Web.Data.Postgres;

/// <summary>The database on a PostgreSQL server: EF Core through Npgsql for every read and write, and backups with pg_dump.</summary>
public static class PostgresServices
{
    public static WebApplicationBuilder AddPostgresDatabase(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddDbContextPool<AppDbContext, PostgresDbContext>(options => options.UseNpgsql(WithPreparedStatements(connectionString)));
        builder.Services.AddSingleton<IWriteGate, OpenWriteGate>();
        builder.Services.AddScoped<IStudyReads, StudyReads>();
        builder.Services.AddScoped<IGradeWrites, GradeWrites>();
        builder.Services.AddScoped<IQuestionTexts, QuestionTexts>();
        builder.Services.AddSingleton<IDatabaseBackup, PostgresBackup>();
        builder.Services.AddSingleton<IDatabaseLock, AdvisoryLock>();
        // The data-protection keys in the database, so that what one instance protects (a sign-in cookie, an antiforgery
        // token) every other instance on the database can read.
        builder.Services.AddScoped(services => (PostgresDbContext)services.GetRequiredService<AppDbContext>());
        builder.Services.AddDataProtection().PersistKeysToDbContext<PostgresDbContext>();
        return builder;
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs often, so the server parses and plans each once per connection
    /// rather than on every run (Npgsql leaves this off by default), unless the connection string says otherwise.
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }
}
