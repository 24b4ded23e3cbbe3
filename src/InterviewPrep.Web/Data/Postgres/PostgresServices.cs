using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Data.Postgres;

/// <summary>The database on a PostgreSQL server: EF Core through Npgsql for every read and write, and backups with pg_dump.</summary>
public static class PostgresServices
{
    public static WebApplicationBuilder AddPostgresDatabase(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddDbContextPool<AppDbContext, PostgresDbContext>(options => options.UseNpgsql(connectionString));
        builder.Services.AddScoped<IStudyReads, StudyReads>();
        builder.Services.AddScoped<IGradeWrites, GradeWrites>();
        builder.Services.AddScoped<IQuestionTexts, QuestionTexts>();
        builder.Services.AddSingleton<IDatabaseBackup, PostgresBackup>();
        return builder;
    }
}
