using System.Globalization;

namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>
/// The FSRS-6 spaced-repetition scheduler, a port of ts-fsrs 5.x (the scheduler of current Anki):
/// given a card's memory, a grade and the time of the review, it says when to show the card next.
/// It keeps no state and reads no clock, so one instance can serve every request with the same parameters.
/// See docs/scheduling.md for the formulas.
/// </summary>
public sealed class FsrsScheduler
{
    // Bounds of stability in days, as ts-fsrs S_MIN and S_MAX.
    private const double MinimumStability = 0.001;
    private const double MaximumStability = 36500.0;
    private const double MinutesPerDay = 1440;
    private const long MillisecondsPerDay = 86_400_000;

    private static readonly Grade[] Grades = [Grade.Again, Grade.Hard, Grade.Good, Grade.Easy];

    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;
    private readonly double _intervalModifier;

    /// <summary>A scheduler with <see cref="FsrsParameters.Default"/>.</summary>
    public FsrsScheduler()
        : this(FsrsParameters.Default)
    {
    }

    /// <summary>A scheduler with the given parameters, for example a user's own desired retention.</summary>
    public FsrsScheduler(FsrsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        _w = ClampWeights(parameters.Weights, parameters.RelearningSteps.Count, parameters.EnableShortTerm);
        _decay = -_w[20];
        // The curve is scaled so that R(S, S) = 0.9 whatever the decay; ts-fsrs rounds both to 8 decimals.
        _factor = JsNumbers.RoundTo(Math.Exp(Math.Pow(_decay, -1) * Math.Log(0.9)) - 1.0, 8);
        _intervalModifier = JsNumbers.RoundTo((Math.Pow(parameters.DesiredRetention, 1 / _decay) - 1) / _factor, 8);
    }

    /// <summary>The parameters this scheduler was made with.</summary>
    public FsrsParameters Parameters { get; }

    /// <summary>The card's memory after it was reviewed with <paramref name="grade"/> at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">The card's memory is invalid, or <paramref name="now"/> is before its last review.</exception>
    public CardMemory Review(CardMemory card, Grade grade, DateTimeOffset now)
    {
        if (!Enum.IsDefined(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "The grade must be Again, Hard, Good or Easy.");
        }
        // All four outcomes are worked out together, as ts-fsrs does: in review the intervals of Hard,
        // Good and Easy are kept in that order, so one grade's outcome depends on the others'.
        return Schedule(card, now)[grade];
    }

    /// <summary>What each grade would give if the card were reviewed at <paramref name="now"/>, to label the grade buttons.</summary>
    /// <exception cref="ArgumentException">The card's memory is invalid, or <paramref name="now"/> is before its last review.</exception>
    public IReadOnlyDictionary<Grade, CardMemory> Preview(CardMemory card, DateTimeOffset now) => Schedule(card, now);

    /// <summary>
    /// The probability that the card is recalled at <paramref name="now"/>: 0 for a new card, otherwise the
    /// forgetting curve after the whole days (24-hour periods) since the last review, as ts-fsrs computes it.
    /// </summary>
    public double Retrievability(CardMemory card, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.State == CardState.New)
        {
            return 0;
        }
        if (card.LastReview is not { } lastReview)
        {
            throw new ArgumentException("A card that is not new must have a last review.", nameof(card));
        }
        var milliseconds = now.ToUnixTimeMilliseconds() - lastReview.ToUnixTimeMilliseconds();
        var days = Math.Max(Math.Floor((double)milliseconds / MillisecondsPerDay), 0);
        return ForgettingCurve(days, JsNumbers.RoundTo(card.Stability, 8));
    }

    private Dictionary<Grade, CardMemory> Schedule(CardMemory card, DateTimeOffset now)
    {
        Validate(card);
        now = now.ToUniversalTime();
        if (card.LastReview is { } last && now < last)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "A review cannot be earlier than the card's last review.");
        }

        var elapsedDays = card.State != CardState.New && card.LastReview is { } lastReview
            ? CalendarDaysBetween(lastReview, now)
            : 0;
        var current = card with { LastReview = now, ElapsedDays = elapsedDays, Reps = card.Reps + 1 };
        // ts-fsrs's default seed: the review time, the review count and the memory before the review,
        // so the same review always fuzzes the same way and different reviews spread out.
        var seed = string.Create(
            CultureInfo.InvariantCulture,
            $"{now.ToUnixTimeMilliseconds()}_{current.Reps}_{JsNumbers.ToString(card.Difficulty * card.Stability)}");
        var review = new ReviewContext(card.State, current, now, elapsedDays, seed);

        if (!Parameters.EnableShortTerm)
        {
            return LongTermOutcomes(review);
        }
        return card.State switch
        {
            CardState.New => Grades.ToDictionary(g => g, g => LearningOutcome(review, g, CardState.Learning)),
            CardState.Learning or CardState.Relearning => Grades.ToDictionary(g => g, g => LearningOutcome(review, g, card.State)),
            _ => ReviewOutcomes(review),
        };
    }

    private CardMemory LearningOutcome(ReviewContext review, Grade grade, CardState stepState)
    {
        var next = NextMemory(review.Current, review.ElapsedDays, grade, null);
        return ApplyLearningSteps(review, next, grade, stepState);
    }

    private Dictionary<Grade, CardMemory> ReviewOutcomes(ReviewContext review)
    {
        var t = review.ElapsedDays;
        var r = ForgettingCurve(t, review.Current.Stability);
        var again = NextMemory(review.Current, t, Grade.Again, r);
        var hard = NextMemory(review.Current, t, Grade.Hard, r);
        var good = NextMemory(review.Current, t, Grade.Good, r);
        var easy = NextMemory(review.Current, t, Grade.Easy, r);

        // A harder grade never gets a longer interval than an easier one.
        var hardInterval = NextInterval(hard.Stability, t, review.Seed);
        var goodInterval = NextInterval(good.Stability, t, review.Seed);
        hardInterval = Math.Min(hardInterval, goodInterval);
        goodInterval = Math.Max(goodInterval, hardInterval + 1);
        var easyInterval = Math.Max(NextInterval(easy.Stability, t, review.Seed), goodInterval + 1);

        again = ApplyLearningSteps(review, again, Grade.Again, CardState.Relearning);
        return new Dictionary<Grade, CardMemory>
        {
            [Grade.Again] = again with { Lapses = again.Lapses + 1 },
            [Grade.Hard] = InReview(hard, review.Now, hardInterval),
            [Grade.Good] = InReview(good, review.Now, goodInterval),
            [Grade.Easy] = InReview(easy, review.Now, easyInterval),
        };
    }

    // Without short-term scheduling there are no steps: every grade goes straight to whole days.
    private Dictionary<Grade, CardMemory> LongTermOutcomes(ReviewContext review)
    {
        var current = review.Current;
        var t = review.ElapsedDays;
        double? r = null;
        if (review.PreviousState == CardState.New)
        {
            current = current with { ScheduledDays = 0, ElapsedDays = 0 };
            t = 0;
        }
        else
        {
            r = ForgettingCurve(t, current.Stability);
        }

        var again = NextMemory(current, t, Grade.Again, r);
        var hard = NextMemory(current, t, Grade.Hard, r);
        var good = NextMemory(current, t, Grade.Good, r);
        var easy = NextMemory(current, t, Grade.Easy, r);

        var againInterval = NextInterval(again.Stability, t, review.Seed);
        var hardInterval = NextInterval(hard.Stability, t, review.Seed);
        var goodInterval = NextInterval(good.Stability, t, review.Seed);
        var easyInterval = NextInterval(easy.Stability, t, review.Seed);
        againInterval = Math.Min(againInterval, hardInterval);
        hardInterval = Math.Max(hardInterval, againInterval + 1);
        goodInterval = Math.Max(goodInterval, hardInterval + 1);
        easyInterval = Math.Max(easyInterval, goodInterval + 1);

        // ts-fsrs counts a lapse for Again on any card that is not new here, learning ones included.
        var lapse = review.PreviousState == CardState.New ? 0 : 1;
        return new Dictionary<Grade, CardMemory>
        {
            [Grade.Again] = InReview(again, review.Now, againInterval) with { Lapses = again.Lapses + lapse },
            [Grade.Hard] = InReview(hard, review.Now, hardInterval),
            [Grade.Good] = InReview(good, review.Now, goodInterval),
            [Grade.Easy] = InReview(easy, review.Now, easyInterval),
        };
    }

    private static CardMemory InReview(CardMemory next, DateTimeOffset now, int interval) =>
        next with { State = CardState.Review, LearningStep = 0, ScheduledDays = interval, Due = AddDays(now, interval) };

    // ts-fsrs 5.x learning steps: Again restarts at the first step, Hard repeats the current one,
    // Good moves to the next one, and a grade with no step left graduates the card to whole days.
    private CardMemory ApplyLearningSteps(ReviewContext review, CardMemory next, Grade grade, CardState stepState)
    {
        var (minutes, nextStep) = LearningStep(review.PreviousState, review.Current.LearningStep, grade);
        if (minutes is > 0 and < MinutesPerDay)
        {
            return next with
            {
                LearningStep = nextStep,
                ScheduledDays = 0,
                State = stepState,
                Due = AddMinutes(review.Now, minutes),
            };
        }
        if (minutes >= MinutesPerDay)
        {
            return next with
            {
                State = CardState.Review,
                LearningStep = nextStep,
                Due = AddMinutes(review.Now, minutes),
                ScheduledDays = (int)Math.Floor(minutes / MinutesPerDay),
            };
        }
        var interval = NextInterval(next.Stability, review.ElapsedDays, review.Seed);
        return InReview(next, review.Now, interval);
    }

    private (double Minutes, int NextStep) LearningStep(CardState state, int currentStep, Grade grade)
    {
        var steps = state is CardState.Relearning or CardState.Review ? Parameters.RelearningSteps : Parameters.LearningSteps;
        if (steps.Count == 0 || currentStep >= steps.Count)
        {
            return (0, 0);
        }
        var first = steps[0].TotalMinutes;
        if (state == CardState.Review)
        {
            // Only a lapse enters relearning; the other grades of a review card never use steps.
            return grade == Grade.Again ? (steps[currentStep].TotalMinutes, 0) : (0, 0);
        }
        return grade switch
        {
            Grade.Again => (first, 0),
            Grade.Hard => steps.Count == 1
                ? (JsNumbers.Round(first * 1.5), currentStep)
                : (JsNumbers.Round((first + steps[1].TotalMinutes) / 2), currentStep),
            Grade.Good when currentStep + 1 < steps.Count => (JsNumbers.Round(steps[currentStep + 1].TotalMinutes), currentStep + 1),
            _ => (0, 0),
        };
    }

    private CardMemory NextMemory(CardMemory current, int t, Grade grade, double? retrievability)
    {
        var d = current.Difficulty;
        var s = current.Stability;
        var g = (int)grade;
        if (d == 0 && s == 0)
        {
            return current with { Difficulty = Clamp(InitialDifficulty(g), 1, 10), Stability = Math.Max(_w[g - 1], 0.1) };
        }
        var r = retrievability ?? ForgettingCurve(t, s);
        double nextStability;
        if (t == 0 && Parameters.EnableShortTerm)
        {
            nextStability = ShortTermStability(s, g);
        }
        else if (grade == Grade.Again)
        {
            var afterFail = ForgetStability(d, s, r);
            var (w17, w18) = Parameters.EnableShortTerm ? (_w[17], _w[18]) : (0.0, 0.0);
            // A Good in the relearning step multiplies stability by about e^(w17·w18); the cap keeps a
            // lapse followed by that step from ending more stable than the card was before it.
            var floor = s / Math.Exp(w17 * w18);
            nextStability = Clamp(JsNumbers.RoundTo(floor, 8), MinimumStability, afterFail);
        }
        else
        {
            nextStability = RecallStability(d, s, r, g);
        }
        return current with { Difficulty = NextDifficulty(d, g), Stability = nextStability };
    }

    private double InitialDifficulty(int g) => JsNumbers.RoundTo(_w[4] - Math.Exp((g - 1) * _w[5]) + 1, 8);

    private double NextDifficulty(double d, int g)
    {
        var deltaD = -_w[6] * (g - 3);
        // Linear damping: the closer to 10, the smaller the step up.
        var nextD = d + JsNumbers.RoundTo(deltaD * (10 - d) / 9, 8);
        // Mean reversion towards the difficulty of a first Easy, so difficulty cannot drift forever.
        var reverted = JsNumbers.RoundTo((_w[7] * InitialDifficulty(4)) + ((1 - _w[7]) * nextD), 8);
        return Clamp(reverted, 1, 10);
    }

    private double RecallStability(double d, double s, double r, int g)
    {
        var hardPenalty = g == (int)Grade.Hard ? _w[15] : 1;
        var easyBonus = g == (int)Grade.Easy ? _w[16] : 1;
        var next = s * (1 + (Math.Exp(_w[8]) * (11 - d) * Math.Pow(s, -_w[9]) * (Math.Exp((1 - r) * _w[10]) - 1) * hardPenalty * easyBonus));
        return JsNumbers.RoundTo(Clamp(next, MinimumStability, MaximumStability), 8);
    }

    private double ForgetStability(double d, double s, double r)
    {
        var next = _w[11] * Math.Pow(d, -_w[12]) * (Math.Pow(s + 1, _w[13]) - 1) * Math.Exp((1 - r) * _w[14]);
        return JsNumbers.RoundTo(Clamp(next, MinimumStability, MaximumStability), 8);
    }

    private double ShortTermStability(double s, int g)
    {
        var increase = Math.Pow(s, -_w[19]) * Math.Exp(_w[17] * (g - 3 + _w[18]));
        // A same-day pass never lowers stability; only Again may.
        var masked = g >= (int)Grade.Hard ? Math.Max(increase, 1.0) : increase;
        return JsNumbers.RoundTo(Clamp(s * masked, MinimumStability, MaximumStability), 8);
    }

    private double ForgettingCurve(double elapsedDays, double stability) =>
        JsNumbers.RoundTo(Math.Pow(1 + (_factor * elapsedDays / stability), _decay), 8);

    private int NextInterval(double stability, int elapsedDays, string seed)
    {
        var interval = Math.Min(Math.Max(1, JsNumbers.Round(stability * _intervalModifier)), Parameters.MaximumInterval);
        return ApplyFuzz(interval, elapsedDays, seed);
    }

    private int ApplyFuzz(double interval, int elapsedDays, string seed)
    {
        if (!Parameters.EnableFuzz || interval < 2.5)
        {
            return (int)JsNumbers.Round(interval);
        }
        var fuzzFactor = new Alea(seed).Next();
        var (min, max) = FuzzRange(interval, elapsedDays, Parameters.MaximumInterval);
        return (int)Math.Floor((fuzzFactor * (max - min + 1)) + min);
    }

    /// <summary>
    /// The days a fuzzed interval may land on: about ±15% of the part from 2.5 to 7 days, ±10% from 7 to 20
    /// and ±5% beyond, plus one day, never below 2 or the days already elapsed, never above the maximum.
    /// </summary>
    internal static (double Min, double Max) FuzzRange(double interval, int elapsedDays, int maximumInterval)
    {
        var delta = 1.0;
        delta += 0.15 * Math.Max(Math.Min(interval, 7.0) - 2.5, 0.0);
        delta += 0.1 * Math.Max(Math.Min(interval, 20.0) - 7.0, 0.0);
        delta += 0.05 * Math.Max(Math.Min(interval, double.PositiveInfinity) - 20.0, 0.0);
        interval = Math.Min(interval, maximumInterval);
        var min = Math.Max(2, JsNumbers.Round(interval - delta));
        var max = Math.Min(JsNumbers.Round(interval + delta), maximumInterval);
        if (interval > elapsedDays)
        {
            min = Math.Max(min, elapsedDays + 1);
        }
        return (Math.Min(min, max), max);
    }

    // ts-fsrs clamps every weight into the range its optimizer allows; with the defaults this changes nothing.
    private static double[] ClampWeights(IReadOnlyList<double> weights, int relearningSteps, bool enableShortTerm)
    {
        var shortTermCeiling = 2.0;
        if (relearningSteps > 1)
        {
            // Several relearning steps multiply the same-day growth; cap w17 and w18 so that a lapse
            // followed by those steps cannot end up more stable than before it.
            var w11 = Clamp(weights[11], 0.001, 5.0);
            var w13 = Clamp(weights[13], 0.001, 0.9);
            var w14 = Clamp(weights[14], 0.0, 4.0);
            var value = -(Math.Log(w11) + Math.Log(Math.Pow(2.0, w13) - 1.0) + (w14 * 0.3)) / relearningSteps;
            shortTermCeiling = Clamp(JsNumbers.RoundTo(Math.Sqrt(Math.Max(value, 0)), 8), 0.01, 2.0);
        }
        (double Min, double Max)[] bounds =
        [
            (MinimumStability, 100), (MinimumStability, 100), (MinimumStability, 100), (MinimumStability, 100),
            (1.0, 10.0), (0.001, 4.0), (0.001, 4.0), (0.001, 0.75), (0.0, 4.5), (0.0, 0.8), (0.001, 3.5),
            (0.001, 5.0), (0.001, 0.25), (0.001, 0.9), (0.0, 4.0), (0.0, 1.0), (1.0, 6.0),
            (0.0, shortTermCeiling), (0.0, shortTermCeiling), (enableShortTerm ? 0.01 : 0.0, 0.8), (0.1, 0.8),
        ];
        return [.. bounds.Select((b, i) => Clamp(weights[i], b.Min, b.Max))];
    }

    private static void Validate(CardMemory card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!Enum.IsDefined(card.State))
        {
            throw new ArgumentException($"Unknown card state {card.State}.", nameof(card));
        }
        if (!double.IsFinite(card.Stability) || !double.IsFinite(card.Difficulty)
            || card.Reps < 0 || card.Lapses < 0 || card.LearningStep < 0)
        {
            throw new ArgumentException("The card's memory has an invalid value.", nameof(card));
        }
        // Zero and zero is a card without memory yet; anything else must be a memory FSRS can produce.
        if (!(card.Difficulty == 0 && card.Stability == 0) && (card.Difficulty < 1 || card.Stability < MinimumStability))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Invalid memory state: difficulty {card.Difficulty}, stability {card.Stability}."),
                nameof(card));
        }
    }

    // Days between two reviews count UTC calendar days, as ts-fsrs does: 23:59 to 00:01 is one day.
    private static int CalendarDaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        (to.UtcDateTime.Date - from.UtcDateTime.Date).Days;

    private static DateTimeOffset AddMinutes(DateTimeOffset now, double minutes) =>
        now.AddTicks((long)JsNumbers.Round(minutes) * TimeSpan.TicksPerMinute);

    private static DateTimeOffset AddDays(DateTimeOffset now, int days) => now.AddTicks(days * TimeSpan.TicksPerDay);

    private static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);

    private readonly record struct ReviewContext(
        CardState PreviousState, CardMemory Current, DateTimeOffset Now, int ElapsedDays, string Seed);
}
