using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Content;

/// <summary>Registers the content pipeline: the markdown renderer, the importer and the import at start.</summary>
public static class ContentServices
{
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<ContentLocation>();
        builder.Services.AddSingleton<ContentImportStatus>();
        builder.Services.AddSingleton<ContentRevisionWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ContentRevisionWatcher>());
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<QuestionSearchIndex>();
        builder.Services.AddHostedService<ContentImportOnStartup>();
        builder.Services.AddHealthChecks().AddCheck<StartupImportHealthCheck>("import", tags: [HealthTags.Ready]);
        return builder;
    }
}

/// <summary>
/// Imports changed content after the app has started (and the database is migrated), unless turned off. It runs in
/// the background: the site serves the content it already has, with a progress banner, until the import commits.
/// </summary>
internal sealed class ContentImportOnStartup(
    IServiceProvider services, ContentImportStatus status, IOptions<ContentOptions> options, ILogger<ContentImportOnStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ImportReport? report = null;
        try
        {
            if (!options.Value.ImportOnStartup)
            {
                return;
            }
            await Task.Yield(); // never hold up the start of the server
            await using var scope = services.CreateAsyncScope();
            report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(ct: stoppingToken);
            foreach (var problem in report.Problems)
            {
                logger.LogWarning("Content problem: {Problem}", problem.ToString());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("The content import was stopped with the app; nothing of it was saved, and it runs again at the next start");
        }
        catch (Exception ex)
        {
            // The site keeps serving the content it has; the next start (or `-- import`) tries again.
            logger.LogError(ex, "The content import at start-up failed; the site serves the content imported before");
        }
        finally
        {
            status.StartupFinished(report);
        }
    }
}

/// <summary>Ready once the start-up import has finished (or was not asked for): before, a page of the bank may be missing.</summary>
internal sealed class StartupImportHealthCheck(ContentImportStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.StartupImport.IsCompleted ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the content import at start-up is running"));
}
