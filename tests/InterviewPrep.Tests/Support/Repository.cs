namespace InterviewPrep.Tests.Support;

/// <summary>Paths in this repository, found from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ContentDirectory => Path.Combine(Root, "content");

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
}
