using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Content;

/// <summary><c>dotnet run -- import [--check]</c>: validate (and import) <c>content/</c>, print every problem, exit 1 if any.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(WebApplication app, bool checkOnly)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var location = services.GetRequiredService<ContentLocation>();
        var output = Console.Out;
        await output.WriteLineAsync($"{(checkOnly ? "Checking" : "Importing")} {location.Directory}");

        var progress = new Progress<ImportProgress>(p =>
            output.WriteLine($"  {p.Stage,-6} {p.Done,6}/{p.Total} ({100 * p.Done / Math.Max(p.Total, 1),3}%)"));
        var importer = services.GetRequiredService<ContentImporter>();
        ImportReport report;
        if (checkOnly)
        {
            report = await importer.CheckAsync(progress);
        }
        else
        {
            var db = services.GetRequiredService<AppDbContext>();
            if (db.Database.IsSqlite())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(db.Database.GetDbConnection().DataSource)!);
            }
            await DatabaseInitializer.MigrateAsync(db, services.GetRequiredService<IDatabaseLock>(), services.GetRequiredService<ILogger<ContentImporter>>(), CancellationToken.None);
            report = await importer.ImportAsync(progress);
        }

        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }
        await output.WriteLineAsync(report.Summary);
        // The most memory the process held (VmHWM on Linux): an import must fit a small machine, as the site must.
        using (var process = System.Diagnostics.Process.GetCurrentProcess())
        {
            await output.WriteLineAsync(FormattableString.Invariant($"Peak memory: {process.PeakWorkingSet64 / 1024} KB"));
        }
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
