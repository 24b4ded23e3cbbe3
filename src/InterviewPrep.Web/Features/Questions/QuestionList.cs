using InterviewPrep.Web.Features.Flashcards;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Filters of the question list; a null filter is not applied. <see cref="Includes"/> keeps the questions (by id) that
/// pass a test of the signed-in user's, such as the state of their card of it.
/// </summary>
public sealed record QuestionFilter(string? Category, Difficulty? Difficulty, string? Tag, Func<int, bool>? Includes = null);

/// <summary>A question as a list shows it; search results add a highlighted title and snippet (safe HTML).</summary>
public sealed record QuestionSummary(int Id, string Slug, string Title, string CategorySlug, string CategoryTitle, Difficulty Difficulty)
{
    public string? TitleHtml { get; init; }
    public string? SnippetHtml { get; init; }
}

/// <summary>One page of a question list.</summary>
public sealed record QuestionPage(IReadOnlyList<QuestionSummary> Items, int Total, int Page, int PageCount, bool MatchedAnyWord);

/// <summary>The question list use case: filters, paging, and full-text search when there are words to search.</summary>
public sealed class QuestionList(BankCatalog catalog, QuestionSearchIndex index)
{
    public const int PageSize = 20;

    public async Task<QuestionPage> GetAsync(string? text, QuestionFilter filter, int page, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        var words = QuestionSearchIndex.Words(text);
        if (words.Count == 0)
        {
            return await BrowseAsync(filter, page, ct);
        }
        var prefixLast = !char.IsWhiteSpace(text![^1]);
        var result = await SearchPageAsync(new SearchTerms(words, Any: false, prefixLast), filter, page, ct);
        if (result.Total == 0 && words.Count > 1)
        {
            result = await SearchPageAsync(new SearchTerms(words, Any: true, prefixLast), filter, page, ct) with { MatchedAnyWord = true };
        }
        return result;
    }

    private async Task<QuestionPage> SearchPageAsync(SearchTerms terms, QuestionFilter filter, int page, CancellationToken ct)
    {
        var (items, total) = await index.SearchAsync(terms, filter, Offset(page), PageSize, ct);
        var pageCount = PageCount(total);
        if (page > pageCount && total > 0)
        {
            page = pageCount;
            (items, total) = await index.SearchAsync(terms, filter, Offset(page), PageSize, ct);
        }
        return new QuestionPage(items, total, page, pageCount, MatchedAnyWord: false);
    }

    /// <summary>
    /// One page of the live questions that pass the filters, in study order. The bank in memory (<see cref="BankCatalog"/>,
    /// rebuilt per import) is already in that order, so this is one pass over it: in SQL each uncached page sorted all
    /// 10,000 questions again, about 50 ms.
    /// </summary>
    private async Task<QuestionPage> BrowseAsync(QuestionFilter filter, int page, CancellationToken ct)
    {
        var bank = (await catalog.GetAsync(ct)).Questions;
        var matching = bank.Where(q => !q.IsRetired
            && (filter.Category is null || q.CategorySlug == filter.Category)
            && (filter.Difficulty is null || q.Difficulty == filter.Difficulty)
            && (filter.Tag is null || q.Tags.Contains(filter.Tag, StringComparer.Ordinal))
            && (filter.Includes is null || filter.Includes(q.Id))).ToList();
        var pageCount = PageCount(matching.Count);
        page = Math.Clamp(page, 1, pageCount);
        var items = matching.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(q => new QuestionSummary(q.Id, q.Slug, q.Title, q.CategorySlug, q.CategoryTitle, q.Difficulty))
            .ToList();
        return new QuestionPage(items, matching.Count, page, pageCount, MatchedAnyWord: false);
    }

    /// <summary>Where a page starts; a page past any bank (the query string allows up to 2,147,483,647) starts past the end.</summary>
    private static int Offset(int page) => (int)Math.Min((page - 1L) * PageSize, int.MaxValue - PageSize);

    private static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);
}
