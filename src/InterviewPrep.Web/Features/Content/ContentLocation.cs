using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Content;

/// <summary>The absolute path of the content folder, resolved once from configuration.</summary>
public sealed class ContentLocation(IOptions<ContentOptions> options, IHostEnvironment environment)
{
    public string Directory { get; } = Resolve(options.Value.Directory, environment.ContentRootPath);

    private static string Resolve(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        // Unset: the repository's content/ folder, the nearest one above the app.
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "questions")) || System.IO.Directory.Exists(Path.Combine(candidate, "categories")))
            {
                return candidate;
            }
        }
        return Path.GetFullPath("content", contentRoot);
    }
}
