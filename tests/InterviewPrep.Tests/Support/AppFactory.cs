using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InterviewPrep.Tests.Support;

/// <summary>
/// The real app in a fresh data folder, reading a test content folder, over a fresh database: a SQLite file in that
/// folder, or, when the run is for PostgreSQL (<see cref="TestPostgres"/>), a database of its own on the test server.
/// A test that needs SQLite whatever the run asks for passes <see cref="OnSqlite"/>.
/// </summary>
public sealed class AppFactory(TestContent content, IDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string ProviderSetting = "Database:Provider";

    /// <summary>The settings that keep an app on SQLite in a run for PostgreSQL.</summary>
    public static Dictionary<string, string> OnSqlite => new() { [ProviderSetting] = "Sqlite" };

    /// <summary>The settings that put an app on a given database of the test server, for tests that share one between apps.</summary>
    public static Dictionary<string, string> OnPostgresDatabase(string database) =>
        new() { [ProviderSetting] = "Postgres", ["ConnectionStrings:Default"] = TestPostgres.ConnectionString(database) };

    private readonly string? _postgresDatabase = settings?.ContainsKey(ProviderSetting) != true && TestPostgres.IsOn ? TestPostgres.CreateDatabase() : null;

    public TestContent Content { get; } = content;

    /// <summary>Whether this app runs on PostgreSQL.</summary>
    public bool OnPostgres => _postgresDatabase is not null;

    /// <summary>The command-line settings that point another process of the app at this app's data folder and database.</summary>
    public string[] ProcessArguments => _postgresDatabase is null
        ? [$"--Storage:DataDirectory={DataDirectory}"]
        : [$"--Storage:DataDirectory={DataDirectory}", $"--{ProviderSetting}=Postgres", $"--ConnectionStrings:Default={TestPostgres.ConnectionString(_postgresDatabase)}"];

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
        if (_postgresDatabase is not null)
        {
            builder.UseSetting(ProviderSetting, "Postgres");
            builder.UseSetting("ConnectionStrings:Default", TestPostgres.ConnectionString(_postgresDatabase));
        }
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
            if (_postgresDatabase is not null)
            {
                TestPostgres.DropDatabase(_postgresDatabase);
            }
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
