using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InterviewPrep.Bench;

/// <summary>
/// The signed-in scenarios. <c>users</c> registers benchmark users through the real forms (and lifts their daily
/// card limits) and writes one Cookie header a line; <c>grade</c> drives the flashcard review as those users, one
/// user per connection, the way the review page does with JavaScript (flashcards.js): post a grade through the
/// card's form (antiforgery token and all) with the fragment header, get the next card back in the answer, grade
/// that one. wrk cannot do that (each post needs the card and token of the answer before), so this closed loop
/// replaces it for grading, and writes the same JSON summary as <c>wrk/rotate.lua</c> plus the check that every
/// accepted grade is in the review log. (Without JavaScript a grade is a post, a redirect and a page load.)
/// </summary>
internal static partial class Grading
{
    private const string Password = "bench password for load tests";
    private const string Deck = "/flashcards/review?deck=all";

    /// <summary><c>users --base URL --count N --prefix P --out FILE</c></summary>
    public static async Task<int> UsersAsync(Options options)
    {
        var baseAddress = new Uri(options.Require("base"));
        var count = int.Parse(options.Get("count", "1"), CultureInfo.InvariantCulture);
        var prefix = options.Get("prefix", "bench");
        var headers = new string[count];
        // A few at a time: each registration hashes a password, which is slow on purpose.
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            headers[i] = await RegisterAsync(baseAddress, $"{prefix}-{i}@bench.example", ct);
        });
        await File.WriteAllLinesAsync(options.Require("out"), headers);
        return 0;
    }

    /// <summary>Registers one user, lifts the daily limits, opens the review page once, and returns the Cookie header.</summary>
    private static async Task<string> RegisterAsync(Uri baseAddress, string email, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        await PostFormAsync(client, "/Identity/Account/Register", new()
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["Input.TimeZoneId"] = "UTC",
        }, ct);
        await PostFormAsync(client, "/flashcards/settings", new()
        {
            ["Input.DesiredRetention"] = "0.9", ["Input.NewPerDay"] = "1000", ["Input.ReviewsPerDay"] = "10000",
        }, ct);
        using var review = await client.GetAsync(new Uri(Deck, UriKind.Relative), ct);
        review.EnsureSuccessStatusCode();
        return "Cookie: " + cookies.GetCookieHeader(baseAddress);
    }

    /// <summary>Posts a page's form with its antiforgery token; the page must answer with a redirect (success).</summary>
    private static async Task PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, CancellationToken ct)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token on {path}");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}, not a redirect");
        }
    }

    /// <summary>
    /// <c>grade --base URL --users FILE --duration S --out FILE [--database FILE | --postgres CONNECTION]</c>: one connection
    /// per user line; the review log is then read from the app's SQLite file or PostgreSQL database.
    /// </summary>
    public static async Task<int> GradeAsync(Options options)
    {
        var baseAddress = new Uri(options.Require("base"));
        var users = (await File.ReadAllLinesAsync(options.Require("users"))).Where(l => l.Length > 0).ToList();
        var duration = TimeSpan.FromSeconds(double.Parse(options.Get("duration", "12"), CultureInfo.InvariantCulture));
        var results = users.Select(_ => new WorkerResult()).ToList();

        var startedUtc = DateTime.UtcNow.AddSeconds(-1);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(users.Select((cookie, i) => WorkAsync(baseAddress, cookie, results[i], stop.Token)));
        var elapsed = clock.Elapsed;

        var latencies = results.SelectMany(r => r.LatenciesUs).Order().ToArray();
        var accepted = results.SelectMany(r => r.Accepted).ToList();
        var acceptedFirst = results.SelectMany(r => r.AcceptedFirst).ToList();
        var acceptedCount = accepted.Count + acceptedFirst.Count;
        var (inLog, duplicated) = options.Get("database", "") is { Length: > 0 } database
            ? CheckLog(new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False"), accepted, acceptedFirst, startedUtc)
            : options.Get("postgres", "") is { Length: > 0 } postgres
                ? CheckLog(new NpgsqlConnection(postgres), accepted, acceptedFirst, startedUtc)
                : (-1, -1);
        var summary = new Dictionary<string, object>
        {
            ["requests"] = latencies.Length,
            ["duration_us"] = (long)elapsed.TotalMicroseconds,
            ["bytes"] = results.Sum(r => r.Bytes),
            ["errors_connect"] = results.Sum(r => r.ConnectErrors),
            ["errors_read"] = 0,
            ["errors_write"] = 0,
            ["errors_status"] = results.Sum(r => r.StatusErrors),
            ["errors_timeout"] = results.Sum(r => r.Timeouts),
            ["latency_p50_us"] = Percentile(latencies, 50),
            ["latency_p90_us"] = Percentile(latencies, 90),
            ["latency_p99_us"] = Percentile(latencies, 99),
            ["latency_mean_us"] = latencies.Length == 0 ? 0 : Math.Round(latencies.Average(), 1),
            ["latency_max_us"] = latencies.Length == 0 ? 0 : latencies[^1],
            ["accepted"] = acceptedCount,
            ["in_log"] = inLog,
            ["duplicated_in_log"] = duplicated,
            ["page_reads"] = results.Sum(r => r.PageReads),
            ["out_of_cards"] = results.Count(r => r.OutOfCards),
        };
        await File.WriteAllTextAsync(options.Require("out"), JsonSerializer.Serialize(summary) + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grades: {latencies.Length} posted, {acceptedCount} accepted, {(inLog < 0 ? "log not checked" : $"{inLog} in the review log ({duplicated} twice)")}; p99 {Percentile(latencies, 99) / 1000.0:0.0} ms"));
        return inLog >= 0 && (inLog != acceptedCount || duplicated != 0) ? 1 : 0;
    }

    private sealed class WorkerResult
    {
        public List<long> LatenciesUs { get; } = [];
        public List<(long CardId, long Version)> Accepted { get; } = [];

        /// <summary>First grades of bank questions, which have no card before them (the app makes it with the grade).</summary>
        public List<long> AcceptedFirst { get; } = [];
        public long Bytes { get; set; }
        public int StatusErrors { get; set; }
        public int ConnectErrors { get; set; }
        public int Timeouts { get; set; }
        public int PageReads { get; set; }
        public bool OutOfCards { get; set; }
    }

    /// <summary>One user's loop: read the first card, then grade each card and get the next in the same answer.</summary>
    private static async Task WorkAsync(Uri baseAddress, string cookieHeader, WorkerResult result, CancellationToken stop)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 1 };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader["Cookie: ".Length..]);
        client.DefaultRequestHeaders.Add("X-Flashcards-Fragment", "1");
        var random = new Random(cookieHeader.GetHashCode(StringComparison.Ordinal));
        string? page = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (page is null)
                {
                    page = await client.GetStringAsync(new Uri(Deck, UriKind.Relative), CancellationToken.None);
                    result.PageReads++;
                }
            }
            catch (HttpRequestException)
            {
                result.StatusErrors++;
                continue;
            }
            if (GradeFormPattern().Match(page) is not { Success: true } form)
            {
                result.OutOfCards = true; // nothing left to review today
                return;
            }
            var fields = InputPattern().Matches(form.Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);
            fields["grade"] = random.Next(1, 5).ToString(CultureInfo.InvariantCulture);
            fields["durationMs"] = "4000";
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(form.Value).Groups[1].Value);
            var action = WebUtility.HtmlDecode(form.Groups[1].Value);
            page = null;

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields), CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                result.LatenciesUs.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                result.Bytes += body.Length;
                // The answer is the next card; a grade the app did not take says so in its notice.
                if (response.StatusCode == HttpStatusCode.OK && !body.Contains("already graded", StringComparison.Ordinal))
                {
                    if (fields.TryGetValue("cardId", out var cardId))
                    {
                        result.Accepted.Add((long.Parse(cardId, CultureInfo.InvariantCulture), long.Parse(fields["version"], CultureInfo.InvariantCulture)));
                    }
                    else
                    {
                        result.AcceptedFirst.Add(long.Parse(fields["questionId"], CultureInfo.InvariantCulture));
                    }
                    page = body;
                }
                else
                {
                    result.StatusErrors++;
                }
            }
            catch (TaskCanceledException)
            {
                result.LatenciesUs.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                result.Timeouts++;
            }
            catch (HttpRequestException)
            {
                result.ConnectErrors++;
            }
        }
    }

    /// <summary>
    /// How many accepted grades the review log holds, and how many of them twice (read from the app's database). A grade
    /// of a card is found by card and version. A first grade names only its question (its card is made with it): per
    /// question, the first grades logged since this step started must cover those accepted (several users may start
    /// the same question; each user's card of it, and its first review, are unique in the database).
    /// </summary>
    private static (int InLog, int Duplicated) CheckLog(DbConnection connection, List<(long CardId, long Version)> accepted, List<long> acceptedFirst, DateTime startedUtc)
    {
        using var _ = connection;
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"FlashcardId\", \"CardVersion\", COUNT(*) FROM \"ReviewLogs\" WHERE \"Kind\" = 'Review' GROUP BY 1, 2";
        var logged = new Dictionary<(long, long), long>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                logged[(reader.GetInt64(0), reader.GetInt64(1))] = reader.GetInt64(2);
            }
        }
        using var first = connection.CreateCommand();
        first.CommandText = """
            SELECT c."QuestionId", COUNT(*) FROM "ReviewLogs" l JOIN "Flashcards" c ON c."Id" = l."FlashcardId"
            WHERE l."Kind" = 'Review' AND l."CardVersion" = 0 AND c."QuestionId" IS NOT NULL AND l."ReviewedAtUtc" >= @since
            GROUP BY 1
            """;
        var since = first.CreateParameter();
        since.ParameterName = "@since";
        // SQLite keeps times as text in this form; PostgreSQL as timestamptz.
        since.Value = connection is SqliteConnection ? startedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : DateTime.SpecifyKind(startedUtc, DateTimeKind.Utc);
        first.Parameters.Add(since);
        var loggedFirst = new Dictionary<long, long>();
        using (var reader = first.ExecuteReader())
        {
            while (reader.Read())
            {
                loggedFirst[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }
        var firstInLog = acceptedFirst.CountBy(q => q).Sum(g => (int)Math.Min(g.Value, loggedFirst.GetValueOrDefault(g.Key)));
        var inLog = accepted.Count(logged.ContainsKey) + firstInLog;
        var duplicated = accepted.Count(a => logged.GetValueOrDefault(a) > 1);
        return (inLog, duplicated);
    }

    private static long Percentile(long[] sorted, int percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form method=\"post\" class=\"grade-form\"[^>]*? action=\"([^\"]*)\"[\\s\\S]*?</form>")]
    private static partial Regex GradeFormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(cardId|questionId|version|shownAt)\" value=\"([^\"]*)\"")]
    private static partial Regex InputPattern();
}
