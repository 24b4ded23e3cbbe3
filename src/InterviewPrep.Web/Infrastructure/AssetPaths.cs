using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// The URLs of the site's own scripts and styles with their version (a hash of the file, as <c>asp-append-version</c>
/// adds it), for the layout. Written as plain attributes rather than through the script and link tag helpers: those
/// ran on every page and were most of the layout's cost, a tenth of an uncached question page.
/// </summary>
public sealed class AssetPaths(IFileVersionProvider versions)
{
    /// <summary>The path with <c>?v=</c> and the file's hash, kept up to date when the file changes.</summary>
    public string Versioned(string path) => versions.AddFileVersionToPath(PathString.Empty, path);
}
