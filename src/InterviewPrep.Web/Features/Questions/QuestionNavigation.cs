using InterviewPrep.Web.Features.Flashcards;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The live questions of one bank snapshot by slug, each with its tags sorted, its related questions and its neighbours
/// in its category's study order: what the question page shows around the stored HTML, built once per import instead of
/// four queries a page.
/// </summary>
public sealed class QuestionNavigation
{
    /// <summary>A live question and the live questions before and after it in its category.</summary>
    public sealed record Place(BankQuestion Question, IReadOnlyList<string> Tags, BankQuestion? Previous, BankQuestion? Next);

    private readonly Dictionary<string, Place> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BankQuestion>> _linkedFrom = new(StringComparer.Ordinal);

    /// <param name="studyOrder">The bank in study order (category, difficulty, then title as SQLite orders it, BINARY).</param>
    public QuestionNavigation(IReadOnlyList<BankQuestion> studyOrder)
    {
        // Grouped by category id rather than cut where the category changes: two categories may share an order.
        foreach (var category in studyOrder.Where(q => !q.IsRetired).GroupBy(q => q.CategoryId))
        {
            var questions = category.ToList();
            for (var i = 0; i < questions.Count; i++)
            {
                var question = questions[i];
                _live[question.Slug] = new Place(question, [.. question.Tags.Order(StringComparer.Ordinal)],
                    i > 0 ? questions[i - 1] : null, i + 1 < questions.Count ? questions[i + 1] : null);
            }
        }
        // A link goes both ways: a question is related to those that list it, so an author writes each link once.
        foreach (var question in studyOrder.Where(q => !q.IsRetired))
        {
            foreach (var slug in question.Related)
            {
                if (!_linkedFrom.TryGetValue(slug, out var from))
                {
                    _linkedFrom[slug] = from = [];
                }
                from.Add(question);
            }
        }
    }

    /// <summary>
    /// The live questions related to this one: those its file lists, in its order, then those whose files list it, in
    /// study order (its own category first).
    /// </summary>
    public IReadOnlyList<BankQuestion> Related(BankQuestion question)
    {
        var linkedFrom = _linkedFrom.GetValueOrDefault(question.Slug) ?? [];
        return Live(question.Related.Concat(linkedFrom
            .OrderBy(q => q.CategoryId == question.CategoryId ? 0 : 1)
            .Select(q => q.Slug)));
    }

    /// <summary>The live question with this slug (exactly, as the database compares it); null if none or retired.</summary>
    public Place? Find(string slug) => _live.GetValueOrDefault(slug);

    /// <summary>The live questions among these slugs, each once, in the order given; unknown and retired ones left out.</summary>
    public IReadOnlyList<BankQuestion> Live(IEnumerable<string> slugs) =>
        [.. slugs.Distinct(StringComparer.Ordinal).Select(Find).OfType<Place>().Select(p => p.Question)];
}
