using System.Numerics;
using System.Text.RegularExpressions;
using InterviewPrep.Web.Features.Flashcards;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>The words of a search and how they combine: all of them or any, the last one as a prefix or not.</summary>
public sealed record SearchTerms(IReadOnlyList<string> Words, bool Any, bool PrefixLast);

/// <summary>
/// Search over question titles, tags and all sections: ranked by the bank's <see cref="WordIndex"/> in memory, with
/// highlighted titles and snippets. User input is only ever cut into words: quotes, <c>*</c>, <c>-</c> or unbalanced
/// parentheses are no syntax here.
/// </summary>
public sealed partial class QuestionSearchIndex(WordIndexCache words, IQuestionTexts texts, BankCatalog catalog)
{
    private const int MaxWords = 12;
    private const int SnippetWords = 24;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>The words of a search box entry, lower-cased, at most twelve.</summary>
    public static IReadOnlyList<string> Words(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length <= 64).Distinct().Take(MaxWords).ToList();

    /// <summary>
    /// One page of matches, best first (bm25, title weighted over tags over body), with highlighted title and snippet.
    /// The matches are found and ranked by the bank's <see cref="WordIndex"/> in memory; their titles and categories come from the <see cref="BankCatalog"/>, and their bodies are read only as far
    /// as the snippet needs (see <see cref="FirstRead"/>) and highlighted by <see cref="SearchHighlighter"/>.
    /// </summary>
    public async Task<(List<QuestionSummary> Items, int Total)> SearchAsync(
        SearchTerms terms, QuestionFilter filter, int offset, int limit, CancellationToken ct)
    {
        var index = await words.GetAsync(ct);
        var (ids, total, inBody) = index.Search(terms, filter, offset, limit);
        if (ids.Count == 0)
        {
            return ([], total);
        }
        var bank = await catalog.GetAsync(ct);
        var highlighter = new SearchHighlighter(terms.Words, terms.PrefixLast);
        var snippets = new string?[ids.Count];
        var wanted = inBody.ConvertAll(words => BitOperations.PopCount((uint)words));
        await texts.ReadSearchTextsAsync(ids, (row, length) => FirstBytes(wanted[row], length), (row, body, whole) =>
            (snippets[row] = highlighter.Snippet(body, SnippetWords, wanted[row], whole)) is not null, ct);

        var items = new List<QuestionSummary>(ids.Count);
        for (var row = 0; row < ids.Count; row++)
        {
            // A question retitled or removed by an import since the ranking shows as the bank has it now, or not at all.
            if (snippets[row] is { } snippet && bank.ById.TryGetValue(ids[row], out var question) && !question.IsRetired)
            {
                items.Add(new QuestionSummary(question.Id, question.Slug, question.Title, question.CategorySlug, question.CategoryTitle, question.Difficulty)
                {
                    TitleHtml = highlighter.Highlight(question.Title),
                    SnippetHtml = snippet,
                });
            }
        }
        return (items, total);
    }

    /// <summary>
    /// How much of a body of <paramref name="length"/> bytes is read first for a snippet that should show
    /// <paramref name="wanted"/> searched words. The first 2 KB (about 300 words) decide the snippet of most bodies that
    /// hold one searched word (82 % of the benchmark's) but of few that hold two (32 %) or more (4 %): their words are
    /// seldom within a snippet's 24 words of each other so early. When the start is not enough it is scanned again with
    /// the rest, so for those the whole body is read at once, unless it is long enough for a decided start to be worth
    /// the risk. Reading and scanning whole bodies (about 5 KB each in the benchmark's bank and the real one) was a third
    /// of a search's time.
    /// </summary>
    private static int FirstBytes(int wanted, int length) => wanted <= 1 || length > 4 * FirstRead ? FirstRead : length;

    private const int FirstRead = 2048;
}
