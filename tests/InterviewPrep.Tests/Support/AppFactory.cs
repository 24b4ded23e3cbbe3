using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InterviewPrep.Tests.Support;

/// <summary>The real app over SQLite in a fresh data folder, reading a test content folder.</summary>
public sealed class AppFactory(TestContent content, IDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public TestContent Content { get; } = content;

    /// <summary>
    /// The app's clock; tests move it. It starts at 09:00 UTC tomorrow (real time), because the browser-side
    /// cookie jar of the test client judges cookie expiry by the real clock.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(9), TimeSpan.Zero));
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "interviewprep-data-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Content:Directory", Content.Root);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("RateLimiting:SignInPerMinute", "1000");
        builder.UseSetting("Backup:Automatic", "false");
        // Off unless a test turns it on: pages built in the background would race the tests of the output cache.
        builder.UseSetting("Content:PrebuildQuestionPages", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Starts the app and waits for its background import of the test content, so that tests see the bank.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<ContentImportStatus>().StartupImport.WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        return host;
    }

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }
}
