using System.Globalization;
using InterviewPrep.Bench;

// bench helper: "generate" writes a synthetic bank; "report" turns a run's raw results into JSON and markdown;
// "users" and "grade" drive the signed-in scenarios (Grading.cs).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: generate --count N --seed S --out DIR --categories DIR --guides DIR");
    Console.Error.WriteLine("       report --run DIR --json FILE [--markdown FILE] [--smoke]");
    Console.Error.WriteLine("       users --base URL --count N --prefix P --out FILE");
    Console.Error.WriteLine("       grade --base URL --users FILE --duration S --out FILE [--database FILE]");
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
    case "users":
        return await Grading.UsersAsync(options);
    case "grade":
        return await Grading.GradeAsync(options);
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}
