using Microsoft.Playwright;

namespace InterviewPrep.BrowserTests;

/// <summary>Runs a browser test step and, if it fails, saves a screenshot of the page for the failure report.</summary>
public static class Journey
{
    public static string ScreenshotDirectory { get; } =
        Path.Combine(BrowserFixture.RepositoryRoot, "tests", "TestResults", "screenshots");

    public static async Task RunAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            Console.Error.WriteLine($"Screenshot of the failure: {path}");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Saves a screenshot for people to look at when INTERVIEWPREP_SCREENSHOTS names a folder; does nothing otherwise.</summary>
    public static async Task ShowAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("INTERVIEWPREP_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// <summary>Saves a screenshot of one part of the page (or of the window, without <paramref name="part"/>) when INTERVIEWPREP_SCREENSHOTS names a folder.</summary>
    public static async Task ShowPartAsync(IPage page, string name, ILocator? part = null)
    {
        var folder = Environment.GetEnvironmentVariable("INTERVIEWPREP_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name + ".png");
            await (part is null ? page.ScreenshotAsync(new PageScreenshotOptions { Path = path }) : part.ScreenshotAsync(new LocatorScreenshotOptions { Path = path }));
        }
    }

    /// <summary>Collects console errors and uncaught exceptions, such as a script blocked by the content security policy.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
