using InterviewPrep.Web.Features.Mock;
using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Mock;

public sealed class PickingTheQuestionsOfARound
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private static MockCandidate Unseen(int id, string category = "theory", Difficulty difficulty = Difficulty.Medium) =>
        new(id, category, difficulty, Retrievability: null, Lapses: 0, DueUtc: null, LastMockUtc: null);

    private static MockCandidate Strong(int id, string category = "theory", Difficulty difficulty = Difficulty.Medium) =>
        new(id, category, difficulty, Retrievability: 0.97, Lapses: 0, DueUtc: Now.AddDays(20), LastMockUtc: null);

    private static MockCandidate Weak(int id, double retrievability, string category = "theory", Difficulty difficulty = Difficulty.Medium) =>
        new(id, category, difficulty, retrievability, Lapses: 0, DueUtc: Now.AddDays(2), LastMockUtc: null);

    [Fact]
    public void TakesTheChecklistThenWeakOrDueCardsThenUnseenQuestionsThenTheRest()
    {
        MockCandidate[] pool =
        [
            Strong(1), Unseen(2), Weak(3, 0.6), Strong(4) with { OnChecklist = true },
            Weak(5, 0.8), Strong(6) with { Retrievability = 0.9, Lapses = 2 }, Strong(7) with { Retrievability = 0.95, DueUtc = Now.AddHours(-1) },
        ];

        var picked = QuestionPicker.Pick(MockKind.Interview, 30, pool, Now, seed: 1);

        // 30 minutes of 5-minute questions: six of the seven, the strong card that is not due left out; the weak ones
        // weakest first.
        Assert.Equal([4, 3, 5, 6, 7, 2], picked.Select(p => p.QuestionId));
    }

    [Fact]
    public void LeavesOutQuestionsAnsweredInAMockInTheLastTwoWeeksUnlessThePoolRunsOut()
    {
        MockCandidate[] pool =
        [
            Weak(1, 0.5) with { LastMockUtc = Now.AddDays(-3) },
            Unseen(2),
            Weak(3, 0.5) with { LastMockUtc = Now.AddDays(-15) },
            Strong(4) with { LastMockUtc = Now.AddDays(-13.9) },
        ];

        var two = QuestionPicker.Pick(MockKind.Fundamentals, 10, pool, Now, seed: 1);
        var four = QuestionPicker.Pick(MockKind.Fundamentals, 20, pool, Now, seed: 1);

        Assert.Equal([3, 2], two.Select(p => p.QuestionId));
        // Out of fresh questions, the ones answered recently come back, the least recent first.
        Assert.Equal([3, 2, 4, 1], four.Select(p => p.QuestionId));
    }

    [Fact]
    public void PutsTheEasiestFirstSoDifficultyRisesThroughTheRound()
    {
        MockCandidate[] pool = [Weak(1, 0.3, difficulty: Difficulty.Hard), Weak(2, 0.4, difficulty: Difficulty.Easy), Weak(3, 0.5, difficulty: Difficulty.Medium)];

        var picked = QuestionPicker.Pick(MockKind.Fundamentals, 15, pool, Now, seed: 1);

        Assert.Equal([Difficulty.Easy, Difficulty.Medium, Difficulty.Hard], picked.Select(p => p.Difficulty));
    }

    [Theory]
    [InlineData(MockKind.Fundamentals, 15, 3)]
    [InlineData(MockKind.Fundamentals, 60, 12)]
    [InlineData(MockKind.Coding, 45, 3)]
    [InlineData(MockKind.SystemDesign, 15, 1)]
    [InlineData(MockKind.SystemDesign, 60, 3)]
    [InlineData(MockKind.Behavioral, 30, 4)]
    public void FillsTheRoundsLengthWithItsKindOfQuestionAndSharesOutTheTime(MockKind kind, int minutes, int count)
    {
        var pool = Enumerable.Range(1, 40).SelectMany(i => new[]
        {
            Unseen(i, "theory"), Unseen(100 + i, "coding"), Unseen(200 + i, "system-design"), Unseen(300 + i, "behavioral"), Unseen(400 + i, "genai"),
        }).ToList();

        var picked = QuestionPicker.Pick(kind, minutes, pool, Now, seed: 7);

        Assert.Equal(count, picked.Count);
        Assert.All(picked, p => Assert.Contains(p.CategorySlug, MockKinds.Categories(kind)));
        Assert.InRange(picked.Sum(p => p.BudgetSeconds), minutes * 60 - count, minutes * 60 + count);
    }

    [Fact]
    public void AMixedLoopTakesAQuestionOfEachKindInTurn()
    {
        string[] categories = ["statistics", "genai", "behavioral", "coding", "system-design"];
        var pool = categories
            .SelectMany((category, c) => Enumerable.Range(1, 5).Select(i => Unseen((c * 10) + i, category))).ToList();

        var picked = QuestionPicker.Pick(MockKind.Onsite, 60, pool, Now, seed: 3);

        // 5 + 5 + 7 + 15 + 20 = 52 minutes, then a fundamentals question (57), and the next one would pass 60.
        Assert.Equal(["behavioral", "coding", "genai", "statistics", "statistics", "system-design"], picked.Select(p => p.CategorySlug).Order());
    }

    [Fact]
    public void AnEmptyPoolGivesNoRound() =>
        Assert.Empty(QuestionPicker.Pick(MockKind.Coding, 30, [Unseen(1, "theory")], Now, seed: 1));

    [Fact]
    public void AQuestionLongerThanTheRoundIsStillAsked()
    {
        var picked = QuestionPicker.Pick(MockKind.SystemDesign, 15, [Unseen(1, "system-design")], Now, seed: 1);

        Assert.Equal(15 * 60, Assert.Single(picked).BudgetSeconds);
    }
}
