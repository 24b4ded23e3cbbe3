using System.ComponentModel.DataAnnotations;

namespace InterviewPrep.Web.Features.Content;

/// <summary>Where the question bank is read from, and when.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder; empty means the repository's <c>content/</c>, found upwards from the content root.</summary>
    public string Directory { get; set; } = "";

    public bool ImportOnStartup { get; set; } = true;

    /// <summary>A larger file is rejected with a clear message instead of being read.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 256 * 1024;

    /// <summary>A content folder with more files than this is not imported at all.</summary>
    [Range(1, 1_000_000)]
    public int MaxFiles { get; set; } = 50_000;
}
