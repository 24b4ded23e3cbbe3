using Serilog;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>Serilog from configuration: console, and a daily rolling file in the data folder.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var storage = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                // A reason the app cannot start is logged once, in a sentence, where it is found; not again with a stack
                // trace by the host that it stops.
                .Filter.ByExcluding(e => e.Exception is Data.StartupException && e.Level == Serilog.Events.LogEventLevel.Error)
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .WriteTo.File(
                    Path.Combine(storage.LogDirectory, "interviewprep-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 14,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        },
        // Each host logs through its own logger, never through the static Log.Logger: the tests run many hosts in one
        // process, and with the static one each host's events went to whichever host started last, and none at all
        // once any host had stopped (that was the flaky test of the page builder's failed try).
        preserveStaticLogger: true);
        return builder;
    }
}
