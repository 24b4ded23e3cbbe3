namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// The command line: <c>import [--check]</c> runs the content import and exits; anything else serves
/// the site. The command words are taken out before the rest goes to the host as configuration.
/// </summary>
public sealed record AppCommand(string Name, bool CheckOnly, string[] HostArgs)
{
    public static AppCommand Parse(string[] args)
    {
        if (args.Length > 0 && args[0] == "import")
        {
            var check = args.Skip(1).Contains("--check");
            return new AppCommand("import", check, args.Skip(1).Where(a => a != "--check").ToArray());
        }
        return new AppCommand("serve", false, args);
    }
}
