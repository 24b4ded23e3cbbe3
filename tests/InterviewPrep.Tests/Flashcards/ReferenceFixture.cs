using System.Globalization;
using System.Text.Json;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

/// <summary>The review histories that ts-fsrs scheduled, read from tests/InterviewPrep.Tests/Flashcards/fsrs-reference.json.</summary>
public sealed record ReferenceFixture(
    string Generator,
    int Seed,
    IReadOnlyList<double> W,
    int HistoryCount,
    int StepCount,
    IReadOnlyList<ReferenceHistory> Histories)
{
    public static string FilePath { get; } =
        Path.Combine(Repository.Root, "tests", "InterviewPrep.Tests", "Flashcards", "fsrs-reference.json");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Lazy<ReferenceFixture> Loaded = new(() =>
    {
        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize<ReferenceFixture>(stream, JsonOptions)
            ?? throw new InvalidOperationException(FilePath + " is empty");
    });

    public static ReferenceFixture Instance => Loaded.Value;
}

/// <summary>One card's reviews, from creation on, with the parameters ts-fsrs was run with.</summary>
public sealed record ReferenceHistory(
    int Id,
    string Variant,
    ReferenceParameters Parameters,
    DateTimeOffset Created,
    IReadOnlyList<ReferenceStep> Steps);

/// <summary>The ts-fsrs parameters of one history; the weights are always the defaults.</summary>
public sealed record ReferenceParameters(
    double RequestRetention,
    int MaximumInterval,
    bool EnableFuzz,
    bool EnableShortTerm,
    IReadOnlyList<string> LearningSteps,
    IReadOnlyList<string> RelearningSteps)
{
    public FsrsParameters ToFsrsParameters() => new()
    {
        DesiredRetention = RequestRetention,
        MaximumInterval = MaximumInterval,
        EnableFuzz = EnableFuzz,
        EnableShortTerm = EnableShortTerm,
        LearningSteps = [.. LearningSteps.Select(ParseStep)],
        RelearningSteps = [.. RelearningSteps.Select(ParseStep)],
    };

    // ts-fsrs writes steps as "1m", "2h" or "3d".
    private static TimeSpan ParseStep(string step)
    {
        var value = int.Parse(step[..^1], CultureInfo.InvariantCulture);
        return step[^1] switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => throw new FormatException("Unknown step unit in " + step),
        };
    }
}

/// <summary>One review: what was given to ts-fsrs and what it answered.</summary>
public sealed record ReferenceStep(
    Grade Grade,
    DateTimeOffset Review,
    double Retrievability,
    IReadOnlyList<DateTimeOffset> PreviewDue,
    ReferenceCard Card);

/// <summary>A ts-fsrs card after a review.</summary>
public sealed record ReferenceCard(
    DateTimeOffset Due,
    double Stability,
    double Difficulty,
    CardState State,
    int ElapsedDays,
    int ScheduledDays,
    int LearningSteps,
    int Reps,
    int Lapses,
    DateTimeOffset? LastReview);
