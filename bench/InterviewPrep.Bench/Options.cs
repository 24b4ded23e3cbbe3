namespace InterviewPrep.Bench;

/// <summary>The helper's command-line options: <c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options._values[name] = hasValue ? args[++i] : "true";
        }
        return options;
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public bool Flag(string name) => _values.ContainsKey(name);

    public string Require(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
}
