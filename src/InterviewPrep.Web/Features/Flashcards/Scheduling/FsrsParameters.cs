using System.Collections.ObjectModel;

namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>
/// The settings of the FSRS-6 scheduler. The defaults are those of ts-fsrs 5.x (and so of current Anki),
/// except <see cref="EnableFuzz"/>, which is on here because a real deck should not bunch up.
/// Every value is checked when it is set, so an invalid set of parameters cannot exist.
/// </summary>
public sealed record FsrsParameters
{
    public const double MinimumDesiredRetention = 0.70;
    public const double MaximumDesiredRetention = 0.97;

    /// <summary>The 21 FSRS-6 default weights of ts-fsrs 5.x, w0 to w20.</summary>
    public static IReadOnlyList<double> DefaultWeights { get; } = Array.AsReadOnly(
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]);

    /// <summary>Learning steps of ts-fsrs 5.x: 1 minute, then 10 minutes.</summary>
    public static IReadOnlyList<TimeSpan> DefaultLearningSteps { get; } =
        Array.AsReadOnly([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)]);

    /// <summary>Relearning step of ts-fsrs 5.x: 10 minutes.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRelearningSteps { get; } = Array.AsReadOnly([TimeSpan.FromMinutes(10)]);

    /// <summary>The defaults: desired retention 0.9, steps 1m 10m, relearning 10m, fuzz on.</summary>
    public static FsrsParameters Default { get; } = new();

    /// <summary>The 21 weights w0..w20 of FSRS-6 (w20 is the decay of the forgetting curve).</summary>
    public IReadOnlyList<double> Weights
    {
        get;
        init => field = ValidWeights(value, nameof(Weights));
    } = DefaultWeights;

    /// <summary>The probability of recall the intervals aim at, from 0.70 to 0.97.</summary>
    public double DesiredRetention
    {
        get;
        init => field = ValidRetention(value, nameof(DesiredRetention));
    } = 0.9;

    /// <summary>Steps a new card goes through before its first long interval.</summary>
    public IReadOnlyList<TimeSpan> LearningSteps
    {
        get;
        init => field = ValidSteps(value, nameof(LearningSteps));
    } = DefaultLearningSteps;

    /// <summary>Steps a forgotten card goes through before it goes back to review.</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps
    {
        get;
        init => field = ValidSteps(value, nameof(RelearningSteps));
    } = DefaultRelearningSteps;

    /// <summary>The longest interval in days.</summary>
    public int MaximumInterval
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaximumInterval), value, "The maximum interval must be at least 1 day.");
    } = 36500;

    /// <summary>Spread intervals of 3 days or more a little, so cards learned together do not stay together.</summary>
    public bool EnableFuzz { get; init; } = true;

    /// <summary>
    /// Use the learning steps and the same-day stability formula (ts-fsrs default). When off, every review,
    /// even the first, schedules whole days and the steps are ignored.
    /// </summary>
    public bool EnableShortTerm { get; init; } = true;

    private static double ValidRetention(double value, string name) =>
        value is >= MinimumDesiredRetention and <= MaximumDesiredRetention
            ? value
            : throw new ArgumentOutOfRangeException(
                name, value,
                $"The desired retention must be between {MinimumDesiredRetention:0.00} and {MaximumDesiredRetention:0.00}.");

    private static ReadOnlyCollection<double> ValidWeights(IReadOnlyList<double> value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Count != 21)
        {
            throw new ArgumentException($"FSRS-6 takes 21 weights, not {value.Count}.", name);
        }
        if (value.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException("Every weight must be a finite number.", name);
        }
        // A copy, so a caller cannot change the weights of a scheduler after the fact.
        return Array.AsReadOnly(value.ToArray());
    }

    private static ReadOnlyCollection<TimeSpan> ValidSteps(IReadOnlyList<TimeSpan> value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        // ts-fsrs counts steps in whole minutes; anything else would round differently from the reference.
        if (value.Any(step => step < TimeSpan.FromMinutes(1) || step.Ticks % TimeSpan.TicksPerMinute != 0))
        {
            throw new ArgumentException("Each step must be a whole number of minutes, at least one.", name);
        }
        return Array.AsReadOnly(value.ToArray());
    }
}
