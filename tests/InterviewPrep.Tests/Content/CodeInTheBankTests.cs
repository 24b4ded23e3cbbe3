using System.Diagnostics;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Support;

namespace InterviewPrep.Tests.Content;

/// <summary>
/// The content check of the bank's code: every python block runs with python3, NumPy and the standard library, and
/// checks itself with its own asserts. A block fenced <c>```python illustrative</c> needs a library CI cannot have
/// (PyTorch, pandas, ...) or is a fragment, and is the only kind skipped.
/// </summary>
public sealed partial class TheCodeInTheBank
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [GeneratedRegex(@"^```python(?<info>[^\n]*)\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PythonBlock();

    public static TheoryData<string> FilesWithCode()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.ContentDirectory, "questions"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains("```python", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(Repository.ContentDirectory, file).Replace('\\', '/'));
            }
        }
        return data;
    }

    /// <summary>The python blocks of one file that claim to run: each is a program on its own.</summary>
    public static IReadOnlyList<(int Line, string Code)> RunnableBlocks(string markdown) =>
        [.. PythonBlock().Matches(markdown.ReplaceLineEndings("\n"))
            .Where(m => !m.Groups["info"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("illustrative"))
            .Select(m => (markdown[..m.Index].Count(c => c == '\n') + 1, m.Groups["code"].Value))];

    [Fact]
    public void FindsEveryBlockButTheIllustrativeOnes()
    {
        const string markdown = "## Answer\n\n```python\nassert 1 + 1 == 2\n```\n\nText.\n\n```python illustrative\nimport torch\n```\n\n```sql\nSELECT 1\n```\n";

        var block = Assert.Single(RunnableBlocks(markdown));

        Assert.Equal(3, block.Line);
        Assert.Equal("assert 1 + 1 == 2\n", block.Code);
    }

    [Fact]
    public async Task AFailingAssertFailsTheCheck()
    {
        var result = await RunAsync("assert sum([1, 2]) == 4, 'sum is off'\n");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("sum is off", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FilesWithCode))]
    public async Task EveryPythonBlockRunsAndPassesItsOwnChecks(string path)
    {
        var markdown = await File.ReadAllTextAsync(Path.Combine(Repository.ContentDirectory, path));
        foreach (var (line, code) in RunnableBlocks(markdown))
        {
            var result = await RunAsync(code);

            Assert.True(result.ExitCode == 0, $"{path}:{line}: the python block failed (exit {result.ExitCode}):\n{result.Output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string code)
    {
        var file = Path.Combine(Path.GetTempPath(), $"interviewprep-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, code);
        try
        {
            var start = new ProcessStartInfo(Python, [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Limit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"it took over {Limit.TotalSeconds:0} s");
            }
            return (process.ExitCode, (await output) + (await errors));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Debian's python3, which has python3-numpy (./test.sh installs it), unless INTERVIEWPREP_PYTHON names another.</summary>
    private static string Python =>
        Environment.GetEnvironmentVariable("INTERVIEWPREP_PYTHON") is { Length: > 0 } python ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";
}
