namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// The command line: <c>migrate</c>, <c>import [--check]</c>, <c>backup PATH</c>, <c>restore PATH</c> and
/// <c>copy-database --to CONNECTION</c> do their work and exit; anything else serves the site. The command words are taken out before the rest goes to
/// the host as configuration.
/// </summary>
public sealed record AppCommand(string Name, bool CheckOnly, string? Path, string[] HostArgs)
{
    public static AppCommand Parse(string[] args)
    {
        if (args.Length > 0 && args[0] == "import")
        {
            var check = args.Skip(1).Contains("--check");
            return new AppCommand("import", check, null, args.Skip(1).Where(a => a != "--check").ToArray());
        }
        if (args.Length > 0 && args[0] == "migrate")
        {
            return new AppCommand("migrate", false, null, args[1..]);
        }
        if (args.Length > 0 && args[0] is "backup" or "restore")
        {
            var path = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
            return new AppCommand(args[0], false, path, args.Skip(path is null ? 1 : 2).ToArray());
        }
        if (args.Length > 0 && args[0] == "copy-database")
        {
            var to = Array.IndexOf(args, "--to");
            var target = to > 0 && to + 1 < args.Length ? args[to + 1] : null;
            var rest = args.Skip(1).Where((_, i) => to < 0 || (i + 1 != to && i + 1 != to + 1)).ToArray();
            return new AppCommand("copy-database", false, target, rest);
        }
        return new AppCommand("serve", false, null, args);
    }
}
