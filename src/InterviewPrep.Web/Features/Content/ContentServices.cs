using InterviewPrep.Web.Features.Questions;
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
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<QuestionSearchIndex>();
        builder.Services.AddHostedService<ContentImportOnStartup>();
        return builder;
    }
}

/// <summary>Imports changed content when the app starts (after the database is migrated), unless turned off.</summary>
internal sealed class ContentImportOnStartup(IServiceProvider services, IOptions<ContentOptions> options, ILogger<ContentImportOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnStartup)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(ct: cancellationToken);
        foreach (var problem in report.Problems)
        {
            logger.LogWarning("Content problem: {Problem}", problem.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
