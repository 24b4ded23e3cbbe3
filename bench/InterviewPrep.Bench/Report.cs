using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InterviewPrep.Bench;

/// <summary>Socket and HTTP errors of one wrk run; status counts answers other than 2xx and 3xx.</summary>
internal sealed record Errors(long Status, long Connect, long Read, long Write, long Timeout)
{
    public long Total => Status + Connect + Read + Write + Timeout;
}

/// <summary>
/// One scenario at one connection count. CPU figures are in cores (CPU seconds per wall second):
/// the app's, wrk's, and everything else on the machine (other people's builds and tests show here).
/// </summary>
internal sealed record RunResult(
    int Connections, int Threads, double DurationS, long Requests, double RequestsPerSecond,
    double P50Ms, double P90Ms, double P99Ms, double MeanMs, double MaxMs, Errors Errors,
    double? RatioToBaseline, double PeakMemoryMb,
    double AppCpuMsPerRequest, double AppCores, double WrkCores, double OtherCores, string LoadAverage,
    double OtherCoresBefore, int WaitedForQuietS, int PathsInList, int FirstPathIndex, Grades? Grades = null)
{
    /// <summary>The cores the hypervisor gave to other machines during the run (steal time), where the results record it.</summary>
    public double? StolenCores { get; init; }

    /// <summary>True when a run of a list longer than one path came back to paths asked before (cached answers possible).</summary>
    public bool RepeatedPaths => PathsInList > 1 && FirstPathIndex + Requests + Connections > PathsInList;
}

/// <summary>The grading scenario's check: grades answered as accepted, and how many of them the review log holds (and twice).</summary>
internal sealed record Grades(long Accepted, long InLog, long Twice)
{
    public bool AllLoggedOnce => InLog == Accepted && Twice == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Accepted:N0} grades accepted, {InLog:N0} in the review log, {Twice} twice");
}

internal sealed record ScenarioResult(string Name, string Label, long ResponseBytes, List<RunResult> Runs);

internal sealed record TargetResult(string Target, string Limit, string Measured, bool Met);

/// <summary>
/// Turns a run folder written by <c>bench/run.sh</c> (meta.txt, results.jsonl, response-bytes.txt)
/// into the results JSON, a console table and, for a full run, the table in docs/performance.md.
/// </summary>
internal static class Report
{
    /// <summary>The markers of a results section in the docs: <c>bench:results</c> for SQLite, <c>bench:results-postgres</c> for PostgreSQL.</summary>
    private static (string Start, string End) Markers(string section) =>
        ($"<!-- {section}:start -->", $"<!-- {section}:end -->");

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // A file for people and scripts, never embedded in HTML: keep + and ' readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(Options options)
    {
        var runDirectory = options.Require("run");
        var meta = File.ReadAllLines(Path.Combine(runDirectory, "meta.txt"))
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        var responseBytes = File.ReadAllLines(Path.Combine(runDirectory, "response-bytes.txt"))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => long.Parse(p[1], Inv), StringComparer.Ordinal);
        var scenarios = ReadScenarios(Path.Combine(runDirectory, "results.jsonl"), responseBytes);

        var startupPeakMb = Kb(meta, "startup_peak_kb");
        var peakMb = Math.Max(startupPeakMb, scenarios.SelectMany(s => s.Runs).Select(r => r.PeakMemoryMb).DefaultIfEmpty(0).Max());
        var questions = int.Parse(meta["questions"], Inv);
        var targets = Targets(scenarios, meta, peakMb);
        var result = new
        {
            Mode = meta["mode"],
            Date = meta["date"],
            Questions = questions,
            Seed = int.Parse(meta["seed"], Inv),
            Commit = meta.GetValueOrDefault("commit", "unknown"),
            Machine = new
            {
                Cores = int.Parse(meta["cores"], Inv),
                MemoryMb = Math.Round(long.Parse(meta["memory_kb"], Inv) / 1024.0),
                Cpu = meta.GetValueOrDefault("cpu", ""),
                Os = meta.GetValueOrDefault("os", ""),
                Kernel = meta.GetValueOrDefault("kernel", ""),
                DotnetSdk = meta.GetValueOrDefault("dotnet", ""),
                Wrk = meta.GetValueOrDefault("wrk", ""),
            },
            Settings = new
            {
                DurationS = int.Parse(meta["duration_s"], Inv),
                Connections = meta["connections"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, Inv)).ToArray(),
                WrkTimeoutS = int.Parse(meta.GetValueOrDefault("wrk_timeout_s", "0"), Inv),
                LoadAverageBefore = meta.GetValueOrDefault("loadavg_before", ""),
                LogLevel = meta["log_level"],
                BaselineBytes = long.Parse(meta["baseline_bytes"], Inv),
            },
            Import = new
            {
                CheckS = Seconds(meta, "import_check_ms"),
                ColdImportS = Seconds(meta, "cold_import_ms"),
                ReimportUnchangedS = Seconds(meta, "reimport_ms"),
                StartToHealthyS = Seconds(meta, "start_to_healthy_ms"),
                HealthyToIdleS = Seconds(meta, "startup_work_ms"),
                OtherLoadCores = new
                {
                    Check = Number(meta, "import_check_others_cores"),
                    ColdImport = Number(meta, "cold_import_others_cores"),
                    Reimport = Number(meta, "reimport_others_cores"),
                    StartToHealthy = Number(meta, "start_to_healthy_others_cores"),
                },
                StartupPeakMemoryMb = startupPeakMb,
                ColdImportPeakMemoryMb = Kb(meta, "cold_import_peak_kb"),
            },
            PeakMemoryMb = peakMb,
            Scenarios = scenarios,
            Targets = targets,
        };
        var jsonPath = options.Require("json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
        File.WriteAllText(jsonPath, JsonSerializer.Serialize(result, Json) + "\n");

        Console.WriteLine(ConsoleTable(scenarios));
        Console.WriteLine(string.Create(Inv,
            $"import --check {S(result.Import.CheckS)}; cold import {S(result.Import.ColdImportS)}; unchanged re-import {S(result.Import.ReimportUnchangedS)}; start to healthy {S(result.Import.StartToHealthyS)}; peak memory {peakMb:0} MB"));
        Console.WriteLine($"wrote {jsonPath}");

        if (options.Get("markdown", "") is { Length: > 0 } markdownPath)
        {
            var markers = Markers(options.Get("section", "bench:results"));
            var section = Markdown(meta, scenarios, targets, peakMb, startupPeakMb, markers, Path.GetFileName(jsonPath));
            WriteBetweenMarkers(markdownPath, section, markers);
            Console.WriteLine($"updated {markdownPath}");
            foreach (var target in targets)
            {
                Console.WriteLine($"  {(target.Met ? "met   " : "MISSED")}  {target.Target}: {target.Measured}");
            }
        }

        if (options.Flag("smoke"))
        {
            var failures = SmokeFailures(scenarios, meta);
            foreach (var failure in failures)
            {
                Console.WriteLine("  " + failure);
            }
            return failures.Count == 0 ? 0 : 1;
        }
        return 0;
    }

    private static List<ScenarioResult> ReadScenarios(string path, Dictionary<string, long> responseBytes)
    {
        var scenarios = new List<ScenarioResult>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var wrk = root.GetProperty("wrk");
            var name = root.GetProperty("scenario").GetString()!;
            var scenario = scenarios.Find(s => s.Name == name);
            if (scenario is null)
            {
                scenario = new ScenarioResult(name, root.GetProperty("label").GetString()!, responseBytes.GetValueOrDefault(name), []);
                scenarios.Add(scenario);
            }
            var requests = wrk.GetProperty("requests").GetInt64();
            var seconds = wrk.GetProperty("duration_us").GetInt64() / 1e6;
            var wall = Math.Max(root.GetProperty("wall_s").GetDouble(), 1e-3);
            var appCpu = root.GetProperty("app_cpu_s").GetDouble();
            var wrkCpu = root.GetProperty("wrk_cpu_s").GetDouble();
            var machineCpu = root.GetProperty("machine_cpu_s").GetDouble();
            scenario.Runs.Add(new RunResult(
                root.GetProperty("connections").GetInt32(),
                root.GetProperty("threads").GetInt32(),
                Math.Round(seconds, 2),
                requests,
                Math.Round(requests / Math.Max(seconds, 1e-9), 1),
                Ms(wrk, "latency_p50_us"), Ms(wrk, "latency_p90_us"), Ms(wrk, "latency_p99_us"),
                Ms(wrk, "latency_mean_us"), Ms(wrk, "latency_max_us"),
                new Errors(
                    wrk.GetProperty("errors_status").GetInt64(), wrk.GetProperty("errors_connect").GetInt64(),
                    wrk.GetProperty("errors_read").GetInt64(), wrk.GetProperty("errors_write").GetInt64(),
                    wrk.GetProperty("errors_timeout").GetInt64()),
                null,
                Math.Round(root.GetProperty("peak_kb").GetInt64() / 1024.0, 1),
                Math.Round(appCpu * 1000 / Math.Max(requests, 1), 2),
                Math.Round(appCpu / wall, 2),
                Math.Round(wrkCpu / wall, 2),
                Math.Round(Math.Max(0, machineCpu - appCpu - wrkCpu) / wall, 2),
                root.GetProperty("loadavg").GetString() ?? "",
                root.GetProperty("others_before_cores").GetDouble(),
                root.GetProperty("waited_s").GetInt32(),
                root.GetProperty("paths").GetInt32(),
                root.GetProperty("first_index").GetInt32(),
                wrk.TryGetProperty("accepted", out var accepted)
                    ? new Grades(accepted.GetInt64(), wrk.GetProperty("in_log").GetInt64(), wrk.GetProperty("duplicated_in_log").GetInt64())
                    : null)
            {
                StolenCores = root.TryGetProperty("steal_s", out var steal) ? Math.Round(steal.GetDouble() / wall, 2) : null,
            });
        }

        var baseline = scenarios.Find(s => s.Name == "baseline");
        foreach (var scenario in scenarios)
        {
            for (var i = 0; i < scenario.Runs.Count; i++)
            {
                var run = scenario.Runs[i];
                var reference = baseline?.Runs.Find(r => r.Connections == run.Connections);
                if (reference is { RequestsPerSecond: > 0 })
                {
                    scenario.Runs[i] = run with { RatioToBaseline = Math.Round(run.RequestsPerSecond / reference.RequestsPerSecond, 4) };
                }
            }
        }
        return scenarios;
    }

    private static List<TargetResult> Targets(List<ScenarioResult> scenarios, Dictionary<string, string> meta, double peakMb)
    {
        var targets = new List<TargetResult>();
        var connections = scenarios.SelectMany(s => s.Runs).Select(r => r.Connections).DefaultIfEmpty(0).Max();

        RunResult? At(string name, int? at = null) => scenarios.Find(s => s.Name == name)?.Runs.Find(r => r.Connections == (at ?? connections));

        void Ratio(string name, string label, double minimum)
        {
            var run = At(name);
            var ratio = run?.RatioToBaseline;
            targets.Add(new TargetResult(
                $"{label}: requests/s at least {minimum:P0} of the baseline's",
                string.Create(Inv, $">= {minimum * 100:0} %"),
                ratio is null ? "not measured" : string.Create(Inv, $"{Percent(run!)} ({run!.RequestsPerSecond:N0} rps)"),
                ratio >= minimum));
        }

        void P99(string name, string label, double maximumMs, int? at = null)
        {
            var run = At(name, at);
            targets.Add(new TargetResult(
                $"{label}: p99 latency under {maximumMs.ToString(Inv)} ms" + (at is { } c ? string.Create(Inv, $" at {c} connections") : ""),
                string.Create(Inv, $"< {maximumMs} ms"),
                run is null ? "not measured"
                    : run.Errors.Timeout > 0 ? string.Create(Inv, $"{run.P99Ms:0.0} ms among answered requests; {run.Errors.Timeout} timed out")
                    : string.Create(Inv, $"{run.P99Ms:0.0} ms"),
                run is { Requests: > 0, Errors.Total: 0 } && run.P99Ms < maximumMs));
        }

        void Time(string key, string label, double maximumS)
        {
            var seconds = Seconds(meta, key);
            targets.Add(new TargetResult(
                $"{label} under {maximumS.ToString(Inv)} s",
                string.Create(Inv, $"< {maximumS} s"),
                S(seconds),
                seconds < maximumS));
        }

        Ratio("question", "Question page", 0.6);
        P99("question", "Question page", 25);
        Ratio("question-all", "Question page, each asked once", 0.6);
        P99("question-all", "Question page, each asked once", 25);
        Ratio("list", "Question list, page 1", 0.3);
        Ratio("list-deep", "Question list, deep page", 0.3);
        Ratio("category", "Category page", 0.3);
        Ratio("search", "Search, each query asked once", 0.3);
        P99("search", "Search, each query asked once", 50);
        Ratio("search-popular", "Search, popular queries", 0.3);
        P99("search-popular", "Search, popular queries", 50);
        P99("grade", "Grading a card", 50, at: 16);
        var grading = scenarios.Find(s => s.Name == "grade")?.Runs.Where(r => r.Grades is not null).Select(r => r.Grades!).ToList() ?? [];
        targets.Add(new TargetResult(
            "Grading a card: every accepted grade in the review log, once", "all, once",
            grading.Count == 0 ? "not measured" : new Grades(grading.Sum(g => g.Accepted), grading.Sum(g => g.InLog), grading.Sum(g => g.Twice)).ToString(),
            grading.Count > 0 && grading.All(g => g.AllLoggedOnce)));
        targets.Add(new TargetResult("Peak memory (VmHWM) under 300 MB", "< 300 MB", string.Create(Inv, $"{peakMb:0} MB"), peakMb < 300));
        var importPeakMb = Kb(meta, "cold_import_peak_kb");
        targets.Add(new TargetResult("Peak memory of the cold import (VmHWM) under 300 MB", "< 300 MB", string.Create(Inv, $"{importPeakMb:0} MB"), importPeakMb is > 0 and < 300));
        Time("cold_import_ms", "Cold import of the bank", 20);
        Time("reimport_ms", "Re-import with nothing changed", 3);
        Time("start_to_healthy_ms", "Start to first healthy /healthz", 3);
        var errors = scenarios.SelectMany(s => s.Runs).Sum(r => r.Errors.Total);
        targets.Add(new TargetResult("No errors in any run", "0", errors.ToString(Inv), errors == 0));
        return targets;
    }

    private static List<string> SmokeFailures(List<ScenarioResult> scenarios, Dictionary<string, string> meta)
    {
        var failures = new List<string>();
        if (scenarios.Count == 0)
        {
            failures.Add("no scenario was measured");
        }
        foreach (var scenario in scenarios)
        {
            foreach (var run in scenario.Runs)
            {
                if (run.Requests == 0)
                {
                    failures.Add($"{scenario.Name} at {run.Connections} connections: no request completed");
                }
                if (run.Grades is { AllLoggedOnce: false } grades)
                {
                    failures.Add($"{scenario.Name} at {run.Connections} connections: {grades}");
                }
                if (run.Errors.Total > 0)
                {
                    var e = run.Errors;
                    failures.Add($"{scenario.Name} at {run.Connections} connections: {e.Total} errors (status {e.Status}, connect {e.Connect}, read {e.Read}, write {e.Write}, timeout {e.Timeout})");
                }
            }
        }
        if (!meta.ContainsKey("start_to_healthy_ms"))
        {
            failures.Add("the app never answered /healthz");
        }
        return failures;
    }

    private static string ConsoleTable(List<ScenarioResult> scenarios)
    {
        var text = new StringBuilder();
        text.AppendLine(Inv, $"{"scenario",-14} {"conns",5} {"req/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"% base",7} {"peak MB",8} {"CPU ms/req",10} {"others",7} {"stolen",7}");
        foreach (var scenario in scenarios)
        {
            foreach (var run in scenario.Runs)
            {
                text.AppendLine(Inv,
                    $"{scenario.Name,-14} {run.Connections,5} {run.RequestsPerSecond,10:N0} {run.P50Ms,8:0.00} {run.P99Ms,8:0.00} {run.Errors.Total,7} {Percent(run),7} {run.PeakMemoryMb,8:0} {run.AppCpuMsPerRequest,10:0.00} {run.OtherCores,7:0.00} {run.StolenCores,7:0.00}");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static string Markdown(
        Dictionary<string, string> meta, List<ScenarioResult> scenarios, List<TargetResult> targets, double peakMb, double startupPeakMb,
        (string Start, string End) markers, string jsonName)
    {
        var date = DateTimeOffset.Parse(meta["date"], Inv);
        var memoryGiB = long.Parse(meta["memory_kb"], Inv) / 1024.0 / 1024.0;
        var questions = int.Parse(meta["questions"], Inv);
        var connections = meta["connections"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var farm = meta.TryGetValue("instances", out var instances)
            ? $" **{instances} app instances** on one PostgreSQL behind nginx; the app's CPU and peak memory are their sums."
            : "";
        var text = new StringBuilder();
        text.AppendLine(markers.Start);
        text.AppendLine($"<!-- Written by bench/run.sh from bench/results/{jsonName}: edits between these markers are overwritten. -->");
        text.AppendLine();
        text.AppendLine(Inv,
            $"Measured {date:yyyy-MM-dd HH:mm} UTC with **N = {questions:N0} questions** on {meta["cores"]} cores ({meta.GetValueOrDefault("cpu", "")}) and {memoryGiB:0.0} GiB of memory, {meta.GetValueOrDefault("os", "")}, .NET SDK {meta.GetValueOrDefault("dotnet", "")}, wrk {meta.GetValueOrDefault("wrk", "")}, commit {meta.GetValueOrDefault("commit", "unknown")}.{farm}");
        text.AppendLine(Inv,
            $"Each run lasted {meta["duration_s"]} s at {string.Join(", ", connections)} connections, after the first 50 paths of each scenario (all of a shorter list) answered 200, and a 3 s warm-up per scenario; wrk ran on the same cores as the app (1 thread for 1 connection, else 2) with a {meta.GetValueOrDefault("wrk_timeout_s", "?")} s timeout. The app ran with Serilog at {meta["log_level"]}. Load average before measuring: {meta.GetValueOrDefault("loadavg_before", "?")}; before each run the script waited up to {meta.GetValueOrDefault("quiet_wait_s", "0")} s for other processes to use less than a quarter of a core, and the last two columns are what they used during the run and what the host's hypervisor took from this machine's cores (steal time: work for other machines on the same host).");
        text.AppendLine();
        text.AppendLine("| scenario | connections | requests/s | p50 ms | p99 ms | errors | % of baseline rps | peak memory MB | app CPU ms per request | other load (cores) | taken by the host (cores) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var scenario in scenarios)
        {
            foreach (var run in scenario.Runs)
            {
                text.AppendLine(Inv,
                    $"| {scenario.Label} | {run.Connections} | {run.RequestsPerSecond:N0} | {run.P50Ms:0.00} | {run.P99Ms:0.00} | {ErrorText(run.Errors)} | {Percent(run)} | {run.PeakMemoryMb:0} | {run.AppCpuMsPerRequest:0.00} | {run.OtherCores:0.00} | {(run.StolenCores is { } stolen ? stolen.ToString("0.00", Inv) : "")} |");
            }
        }
        var repeated = scenarios.Where(s => s.Name.EndsWith("-all", StringComparison.Ordinal) || s.Name == "search")
            .Where(s => s.Runs.Any(r => r.RepeatedPaths)).Select(s => s.Name).ToList();
        text.AppendLine();
        text.AppendLine(repeated.Count == 0
            ? "The \"each asked once\" scenarios did not come back to a path asked before in this run, so they measured pages the app had not cached."
            : $"These \"each asked once\" scenarios ran out of paths and came back to ones asked before (possibly cached): {string.Join(", ", repeated)}.");
        text.AppendLine();
        text.AppendLine("Average response sizes: " + string.Join(", ", scenarios.Select(s => string.Create(Inv, $"{s.Name} {s.ResponseBytes / 1024.0:0.0} KB"))) + ".");
        text.AppendLine();
        text.AppendLine("| import and start-up (each a new process) | time | other load (cores) |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(Inv, $"| `import --check` of the {questions:N0} files | {S(Seconds(meta, "import_check_ms"))} | {Cores(meta, "import_check_others_cores")} |");
        text.AppendLine(Inv, $"| cold import into a fresh data folder (peak memory {Kb(meta, "cold_import_peak_kb"):0} MB) | {S(Seconds(meta, "cold_import_ms"))} | {Cores(meta, "cold_import_others_cores")} |");
        text.AppendLine(Inv, $"| re-import, nothing changed | {S(Seconds(meta, "reimport_ms"))} | {Cores(meta, "reimport_others_cores")} |");
        text.AppendLine(Inv, $"| start to the first healthy `/healthz`, bank already imported | {S(Seconds(meta, "start_to_healthy_ms"))} | {Cores(meta, "start_to_healthy_others_cores")} |");
        text.AppendLine(Inv, $"| from healthy to idle: the start-up work in the background (in 1 s steps) | {S(Seconds(meta, "startup_work_ms"))} | |");
        text.AppendLine();
        text.AppendLine(Inv, $"Peak memory (VmHWM): {startupPeakMb:0} MB at start-up, {peakMb:0} MB over the whole run.");
        text.AppendLine();
        var reference = questions == 10_000 && connections.Contains("64", StringComparer.Ordinal)
            ? "at 10,000 questions and 64 connections"
            : $"for reference only: this run had {questions:N0} questions and at most {connections.Last()} connections";
        text.AppendLine(Inv, $"Targets ({reference}):");
        text.AppendLine();
        text.AppendLine("| target | measured | result |");
        text.AppendLine("| --- | --- | --- |");
        foreach (var target in targets)
        {
            text.AppendLine(Inv, $"| {target.Target} | {target.Measured} | {(target.Met ? "met" : "**missed**")} |");
        }
        text.AppendLine();
        text.Append(markers.End);
        return text.ToString();
    }

    private static void WriteBetweenMarkers(string path, string section, (string Start, string End) markers)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\n";
        var start = existing.IndexOf(markers.Start, StringComparison.Ordinal);
        var end = existing.IndexOf(markers.End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + section + existing[(end + markers.End.Length)..]
            : existing.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, updated);
    }

    /// <summary>Requests per second as a percentage of the baseline's at the same connection count.</summary>
    private static string Percent(RunResult run) =>
        run.RatioToBaseline is { } ratio ? (ratio * 100).ToString(ratio < 0.1 ? "0.0" : "0", Inv) + " %" : "-";

    private static string ErrorText(Errors e) => e.Total == 0
        ? "0"
        : string.Create(Inv, $"{e.Total} (status {e.Status}, connect {e.Connect}, read {e.Read}, write {e.Write}, timeout {e.Timeout})");

    private static double Ms(JsonElement wrk, string property) => Math.Round(wrk.GetProperty(property).GetDouble() / 1000.0, 2);

    private static double? Number(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var text) ? double.Parse(text, Inv) : null;

    private static string Cores(Dictionary<string, string> meta, string key) =>
        Number(meta, key) is { } cores ? cores.ToString("0.00", Inv) : "-";

    private static double? Seconds(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var ms) ? Math.Round(long.Parse(ms, Inv) / 1000.0, 2) : null;

    /// <summary>Seconds as a table shows them; a step the run skipped (the smoke run skips some) shows as "-".</summary>
    private static string S(double? seconds) => seconds is { } s ? s.ToString("0.0", Inv) + " s" : "-";

    private static double Kb(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var kb) ? Math.Round(long.Parse(kb, Inv) / 1024.0, 1) : 0;
}
