using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Web.Features.Shared;

/// <summary>
/// What <c>_QuestionCards</c> shows: a page of questions, whether each card names its category, and for a signed-in
/// user the state of their card of each question (by question id; a question without one is not studied yet).
/// </summary>
public sealed record QuestionCards(IReadOnlyList<QuestionSummary> Questions, bool ShowCategory = true, Func<int, string?>? StateOf = null);

/// <summary>What <c>_Pager</c> shows: the current page of a list, how many it has, and the URL of each.</summary>
public sealed record PageLinks(int Page, int PageCount, Func<int, string> Href)
{
    /// <summary>First, last, and two either side of the current page; null marks a gap.</summary>
    public IEnumerable<int?> Window()
    {
        var shown = new SortedSet<int> { 1, PageCount };
        for (var p = Page - 2; p <= Page + 2; p++)
        {
            if (p >= 1 && p <= PageCount)
            {
                shown.Add(p);
            }
        }
        var previous = 0;
        foreach (var p in shown)
        {
            if (p - previous > 1)
            {
                yield return null;
            }
            yield return p;
            previous = p;
        }
    }
}
