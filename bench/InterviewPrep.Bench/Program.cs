using System.Globalization;
using InterviewPrep.Bench;

// bench helper: "generate" writes a synthetic bank; "report" turns a run's raw results into JSON and markdown.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: generate --count N --seed S --out DIR --categories DIR --guides DIR");
    Console.Error.WriteLine("       report --run DIR --json FILE [--markdown FILE] [--smoke]");
    return 2;
}
var options = Options.Parse(args[1..]);
switch (args[0])
{
    case "generate":
        new BankGenerator(
            int.Parse(options.Get("count", "10000"), CultureInfo.InvariantCulture),
            int.Parse(options.Get("seed", "20261125"), CultureInfo.InvariantCulture))
            .Write(options.Require("out"), options.Require("categories"), options.Get("guides", ""));
        return 0;
    case "report":
        return Report.Run(options);
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}
