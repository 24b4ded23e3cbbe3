using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class SchedulingMatchesTsFsrs
{
    private const double RelativeTolerance = 1e-6;

    private static ReferenceFixture Fixture => ReferenceFixture.Instance;

    [Fact]
    public void ReplaysEveryReferenceHistory()
    {
        var mismatches = new List<string>();
        var compared = 0;

        foreach (var history in Fixture.Histories)
        {
            var scheduler = new FsrsScheduler(history.Parameters.ToFsrsParameters());
            // Our own output is fed back in, so an error would carry on and show, not be reset each step.
            var card = CardMemory.New(history.Created);
            for (var i = 0; i < history.Steps.Count; i++)
            {
                var step = history.Steps[i];
                var where = $"history {history.Id} ({history.Variant}) step {i} ({step.Grade} at {step.Review:O})";
                void Check(bool ok, string what, object? ours, object? theirs)
                {
                    if (!ok)
                    {
                        mismatches.Add($"{where}: {what} is {ours}, ts-fsrs says {theirs}");
                    }
                }

                var retrievability = scheduler.Retrievability(card, step.Review);
                Check(Math.Abs(retrievability - step.Retrievability) <= 1e-8, "retrievability", retrievability, step.Retrievability);

                var preview = scheduler.Preview(card, step.Review);
                for (var g = 0; g < 4; g++)
                {
                    var grade = (Grade)(g + 1);
                    var due = preview[grade].Due;
                    Check(SameSecond(due, step.PreviewDue[g]), $"preview due for {grade}", due.ToString("O"), step.PreviewDue[g].ToString("O"));
                }

                card = scheduler.Review(card, step.Grade, step.Review);
                var expected = step.Card;
                Check(SameSecond(card.Due, expected.Due), "due", card.Due.ToString("O"), expected.Due.ToString("O"));
                Check(Close(card.Stability, expected.Stability), "stability", card.Stability, expected.Stability);
                Check(Close(card.Difficulty, expected.Difficulty), "difficulty", card.Difficulty, expected.Difficulty);
                Check(card.State == expected.State, "state", card.State, expected.State);
                Check(card.Reps == expected.Reps, "reps", card.Reps, expected.Reps);
                Check(card.Lapses == expected.Lapses, "lapses", card.Lapses, expected.Lapses);
                Check(card.ElapsedDays == expected.ElapsedDays, "elapsed days", card.ElapsedDays, expected.ElapsedDays);
                Check(card.ScheduledDays == expected.ScheduledDays, "scheduled days", card.ScheduledDays, expected.ScheduledDays);
                Check(card.LearningStep == expected.LearningSteps, "learning step", card.LearningStep, expected.LearningSteps);
                Check(card.LastReview == expected.LastReview, "last review", card.LastReview, expected.LastReview);
                Check(card.Due.Offset == TimeSpan.Zero, "due offset", card.Due.Offset, TimeSpan.Zero);
                compared++;
            }
        }

        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} differences from ts-fsrs:\n" + string.Join('\n', mismatches.Take(30)));
        Assert.Equal(Fixture.StepCount, compared);
    }

    [Fact]
    public void TheFixtureCoversTheCasesThatMatter()
    {
        var steps = Fixture.Histories.SelectMany(h => h.Steps.Select((s, i) => (History: h, Step: s, Index: i))).ToList();

        Assert.True(Fixture.Histories.Count >= 200, $"only {Fixture.Histories.Count} histories");
        Assert.Equal(Fixture.HistoryCount, Fixture.Histories.Count);
        Assert.Equal(Fixture.StepCount, steps.Count);
        Assert.StartsWith("ts-fsrs 5.4.2", Fixture.Generator, StringComparison.Ordinal);

        var reviews = steps.Where(x => x.Index > 0 && x.History.Steps[x.Index - 1].Card.State == CardState.Review).ToList();
        var previous = reviews.Select(x => (x.Step, Before: x.History.Steps[x.Index - 1].Card)).ToList();
        Assert.Contains(previous, x => x.Step.Review < x.Before.Due.AddDays(-1));                    // early
        Assert.Contains(previous, x => x.Step.Review == x.Before.Due);                               // on time
        Assert.Contains(previous, x => x.Step.Review > x.Before.Due.AddDays(x.Before.ScheduledDays)); // late
        Assert.Contains(previous, x => x.Step.Review > x.Before.Due.AddDays(365));                    // long gap
        Assert.Contains(previous, x => x.Step.Card.ElapsedDays == 0);                                // again the same day
        Assert.Contains(reviews, x => x.Step.Grade == Grade.Again);                                  // lapses
        Assert.Contains(steps, x => x.Step.Card.Lapses >= 3);
        Assert.Contains(steps, x => x.Step.Card.State == CardState.Relearning);
        Assert.Contains(steps, x => x.Step.Review.Millisecond != 0);
        foreach (var grade in Enum.GetValues<Grade>())
        {
            Assert.Contains(steps, x => x.Step.Grade == grade);
        }

        var parameters = Fixture.Histories.Select(h => h.Parameters).ToList();
        Assert.Contains(parameters, p => p.RequestRetention == 0.8);
        Assert.Contains(parameters, p => p.RequestRetention == 0.95);
        Assert.True(parameters.Count(p => p is { RequestRetention: 0.9, EnableFuzz: false, EnableShortTerm: true }) >= 200);
    }

    [Fact]
    public void DefaultWeightsAreThoseOfTsFsrs()
    {
        Assert.Equal(Fixture.W, FsrsParameters.DefaultWeights);
        Assert.Equal(21, FsrsParameters.DefaultWeights.Count);
    }

    private static bool SameSecond(DateTimeOffset ours, DateTimeOffset theirs) =>
        Math.Abs((ours - theirs).TotalSeconds) < 1;

    private static bool Close(double ours, double theirs) =>
        ours == theirs || Math.Abs(ours - theirs) <= RelativeTolerance * Math.Abs(theirs);
}
