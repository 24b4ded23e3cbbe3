using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

/// <summary>
/// The real app on Kestrel (a free loopback port) over the repository's own content, and one headless
/// Chromium: Debian's, or the one named by INTERVIEWPREP_CHROMIUM.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fixture through IAsyncLifetime.DisposeAsync.
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "interviewprep-browser-" + Guid.NewGuid().ToString("N"));
    private AppHost? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        _app = new AppHost(_dataDirectory, Path.Combine(RepositoryRoot, "content"));
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = _app.ClientOptions.BaseAddress;
        // The app imports content/ in the background; the tests read the whole bank.
        await _app.Services.GetRequiredService<ContentImportStatus>().StartupImport.WaitAsync(TimeSpan.FromMinutes(2));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                // A microphone for the mock round's recorder: a generated tone, and no permission prompt.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    /// <summary>A fresh page (own cookies and storage) at the given size and colour scheme, in a time zone if given, with JavaScript on unless told.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light, string? timeZone = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            TimezoneId = timeZone,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("INTERVIEWPREP_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("No Chromium found: install Debian's 'chromium' (./test.sh does) or set INTERVIEWPREP_CHROMIUM.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewPrep.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("InterviewPrep.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class AppHost(string dataDirectory, string contentDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Content:Directory", contentDirectory);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Backup:Automatic", "false");
            // The tests sign up many users from one address within a minute; the limit has its own tests.
            builder.UseSetting("RateLimiting:SignInPerMinute", "1000");
        }
    }
}

#pragma warning restore CA1001

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
