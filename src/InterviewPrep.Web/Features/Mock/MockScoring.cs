using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>How a scored answer counts: a score out of 100 and the flashcard grade it becomes. Plain arithmetic.</summary>
public static class MockScoring
{
    /// <summary>The share of the key points the answer covered, 0 to 1; 0 for a question without key points.</summary>
    public static double Coverage(int hit, int count) => count == 0 ? 0 : Math.Clamp((double)hit / count, 0, 1);

    /// <summary>
    /// Half the key points covered and half the signals' mean (1 to 4), as 0 to 100. A question without key points is
    /// scored on its signals alone.
    /// </summary>
    public static int Score(int keyPointsHit, int keyPointCount, IReadOnlyList<int> signals)
    {
        var signalShare = (signals.Average() - 1) / 3;
        var share = keyPointCount == 0 ? signalShare : (Coverage(keyPointsHit, keyPointCount) + signalShare) / 2;
        return (int)Math.Round(100 * share);
    }

    /// <summary>The flashcard grade of a scored answer: under 35 Again, under 60 Hard, under 85 Good, else Easy.</summary>
    public static Grade GradeFor(int score) => score switch
    {
        < 35 => Grade.Again,
        < 60 => Grade.Hard,
        < 85 => Grade.Good,
        _ => Grade.Easy,
    };

    /// <summary>The indexes a form ticked, kept to the question's list, each once, in order.</summary>
    public static IReadOnlyList<int> ValidHits(IEnumerable<int> ticked, int keyPointCount) =>
        [.. ticked.Where(i => i >= 0 && i < keyPointCount).Distinct().Order()];

    public static string FormatHits(IEnumerable<int> hits) => string.Join(',', hits);

    public static IReadOnlyList<int> ParseHits(string stored) =>
        [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var i) ? i : -1).Where(i => i >= 0)];
}
