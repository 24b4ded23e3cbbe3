using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Tests.Support;

/// <summary>The real app over SQLite in a fresh data folder, reading a test content folder.</summary>
public sealed class AppFactory(TestContent content) : WebApplicationFactory<Program>
{
    public TestContent Content { get; } = content;
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "interviewprep-data-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Content:Directory", Content.Root);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
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
