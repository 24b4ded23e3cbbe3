using InterviewPrep.Web.Infrastructure;

namespace InterviewPrep.Tests.Data;

public sealed class ReadingTheCommandLine
{
    [Theory]
    [InlineData(new[] { "import", "--check", "--Content:Directory=x" }, "import", true, null, new[] { "--Content:Directory=x" })]
    [InlineData(new[] { "backup", "/tmp/copy.db", "--Storage:DataDirectory=d" }, "backup", false, "/tmp/copy.db", new[] { "--Storage:DataDirectory=d" })]
    [InlineData(new[] { "restore", "--Storage:DataDirectory=d" }, "restore", false, null, new[] { "--Storage:DataDirectory=d" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1" }, "serve", false, null, new[] { "--urls", "http://127.0.0.1:1" })]
    public void SplitsTheCommandFromTheHostsArguments(string[] args, string name, bool check, string? path, string[] hostArgs)
    {
        var command = AppCommand.Parse(args);

        Assert.Equal((name, check, path), (command.Name, command.CheckOnly, command.Path));
        Assert.Equal(hostArgs, command.HostArgs);
    }
}
