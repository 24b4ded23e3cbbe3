using Serilog;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>Serilog from configuration: console, and a daily rolling file in the data folder.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            var environment = services.GetRequiredService<IHostEnvironment>();
            var dataDirectory = Path.GetFullPath(
                builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] ?? "data",
                environment.ContentRootPath);
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .WriteTo.File(
                    Path.Combine(dataDirectory, "logs", "interviewprep-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        });
        return builder;
    }
}
