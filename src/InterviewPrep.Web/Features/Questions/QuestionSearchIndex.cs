using System.Data.Common;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>A question's searchable text, as the full-text index stores it.</summary>
public sealed record SearchDocument(int Id, string Title, IEnumerable<string> Tags, string Body);

/// <summary>The words of a search and how they combine: all of them or any, the last one as a prefix or not.</summary>
public sealed record SearchTerms(IReadOnlyList<string> Words, bool Any, bool PrefixLast)
{
    public string MatchExpression => QuestionSearchIndex.MatchExpression(Words, Any, PrefixLast);
}

/// <summary>
/// The SQLite FTS5 index over question titles, tags and all sections (table <c>QuestionSearch</c>,
/// rowid = question id). User input never reaches FTS syntax: it is cut into words and each word is
/// quoted, so quotes, <c>*</c>, <c>-</c>, <c>NEAR</c> or unbalanced parentheses are searched as plain words.
/// </summary>
public sealed partial class QuestionSearchIndex(AppDbContext db, WordIndexCache words, PreparedReads reads, BankCatalog catalog)
{
    private const int MaxWords = 12;
    private const int SnippetWords = 24;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>The words of a search box entry, lower-cased, at most twelve.</summary>
    public static IReadOnlyList<string> Words(string? text) => string.IsNullOrWhiteSpace(text)
        ? []
        : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length <= 64).Distinct().Take(MaxWords).ToList();

    /// <summary>An FTS5 match expression that searches the words as plain terms: all of them, or any of them.</summary>
    public static string MatchExpression(IReadOnlyList<string> words, bool any, bool prefixLast)
    {
        var terms = words.Select((w, i) => prefixLast && i == words.Count - 1 && w.Length >= 2 ? $"\"{w}\"*" : $"\"{w}\"");
        return string.Join(any ? " OR " : " ", terms);
    }

    public async Task WriteAsync(IEnumerable<SearchDocument> documents, CancellationToken ct)
    {
        await using var delete = await CommandAsync("DELETE FROM QuestionSearch WHERE rowid = $id", ct);
        await using var insert = await CommandAsync("INSERT INTO QuestionSearch(rowid, title, tags, body) VALUES ($id, $title, $tags, $body)", ct);
        var deleteId = Add(delete, "$id");
        var (id, title, tags, body) = (Add(insert, "$id"), Add(insert, "$title"), Add(insert, "$tags"), Add(insert, "$body"));
        foreach (var doc in documents)
        {
            deleteId.Value = doc.Id;
            await delete.ExecuteNonQueryAsync(ct);
            (id.Value, title.Value, tags.Value, body.Value) = (doc.Id, doc.Title, string.Join(' ', doc.Tags), doc.Body);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task RemoveAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        await using var delete = await CommandAsync("DELETE FROM QuestionSearch WHERE rowid = $id", ct);
        var id = Add(delete, "$id");
        foreach (var value in ids)
        {
            id.Value = value;
            await delete.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// One page of matches, best first (bm25, title weighted over tags over body), with highlighted title and snippet.
    /// The matches are found and ranked by the bank's <see cref="WordIndex"/> in memory, or by FTS5 while that is being
    /// built; their titles and categories come from the <see cref="BankCatalog"/>, and their bodies are read only as far
    /// as the snippet needs (see <see cref="FirstRead"/>) and highlighted by <see cref="SearchHighlighter"/>.
    /// </summary>
    public async Task<(List<QuestionSummary> Items, int Total)> SearchAsync(
        SearchTerms terms, QuestionFilter filter, int offset, int limit, CancellationToken ct)
    {
        var (ids, total, inBody) = words.Current is { } index
            ? index.Search(terms, filter, offset, limit)
            : await RankWithBodiesUnknownAsync(terms, filter, offset, limit, ct);
        if (ids.Count == 0)
        {
            return ([], total);
        }
        var bank = await catalog.GetAsync(ct);
        var highlighter = new SearchHighlighter(terms.Words, terms.PrefixLast);
        var snippets = new string?[ids.Count];
        var wanted = inBody.ConvertAll(words => BitOperations.PopCount((uint)words));
        reads.ReadTexts("QuestionSearch_content", "c2", ids, (row, length) => FirstBytes(wanted[row], length), (row, body, whole) =>
            (snippets[row] = highlighter.Snippet(body, SnippetWords, wanted[row], whole)) is not null);

        var items = new List<QuestionSummary>(ids.Count);
        for (var row = 0; row < ids.Count; row++)
        {
            // A question retitled or removed by an import since the ranking shows as the bank has it now, or not at all.
            if (snippets[row] is { } snippet && bank.ById.TryGetValue(ids[row], out var question) && !question.IsRetired)
            {
                items.Add(new QuestionSummary(question.Slug, question.Title, question.CategorySlug, question.CategoryTitle, question.Difficulty)
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

    private async Task<(List<int> Ids, int Total, List<int> InBody)> RankWithBodiesUnknownAsync(
        SearchTerms terms, QuestionFilter filter, int offset, int limit, CancellationToken ct)
    {
        var (ids, total) = await RankAsync(terms, filter, offset, limit, ct);
        var all = (1 << terms.Words.Count) - 1; // as if each body held every word: its snippet is looked for as before
        return (ids, total, ids.ConvertAll(_ => all));
    }

    /// <summary>One page of matching ids, ranked by FTS5, and how many match: the search before the index in memory is built.</summary>
    internal async Task<(List<int> Ids, int Total)> RankAsync(SearchTerms terms, QuestionFilter filter, int offset, int limit, CancellationToken ct)
    {
        var where = new StringBuilder("QuestionSearch MATCH $match AND q.IsRetired = 0");
        if (filter.Category is not null)
        {
            where.Append(" AND c.Slug = $category");
        }
        if (filter.Difficulty is not null)
        {
            where.Append(" AND q.Difficulty = $difficulty");
        }
        if (filter.Tag is not null)
        {
            where.Append(" AND q.Id IN (SELECT qt.QuestionsId FROM QuestionTags qt JOIN Tags t ON t.Id = qt.TagsId WHERE t.Slug = $tag)");
        }
        const string From = "FROM QuestionSearch JOIN Questions q ON q.Id = QuestionSearch.rowid JOIN Categories c ON c.Id = q.CategoryId";
        var rank = FormattableString.Invariant($"bm25(QuestionSearch, {WordIndex.TitleWeight}.0, {WordIndex.TagsWeight}.0, {WordIndex.BodyWeight}.0)");
        var unfiltered = filter.Category is null && filter.Difficulty is null && filter.Tag is null;
        var match = terms.MatchExpression;

        // Without filters the full-text table alone answers: it holds live questions only (the importer
        // removes retired ones), so counting and ranking need not touch the wide question rows.
        await using var count = await CommandAsync(unfiltered
            ? "SELECT count(*) FROM QuestionSearch WHERE QuestionSearch MATCH $match"
            : $"SELECT count(*) {From} WHERE {where}", ct);
        Bind(count, match, filter);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0)
        {
            return ([], 0);
        }

        await using var select = await CommandAsync(unfiltered
            ? $"SELECT rowid FROM QuestionSearch WHERE QuestionSearch MATCH $match ORDER BY {rank}, rowid LIMIT $limit OFFSET $offset"
            : $"SELECT QuestionSearch.rowid {From} WHERE {where} ORDER BY {rank}, QuestionSearch.rowid LIMIT $limit OFFSET $offset", ct);
        Bind(select, match, filter);
        Add(select, "$limit").Value = limit;
        Add(select, "$offset").Value = offset;
        var ids = new List<int>(limit);
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt32(0));
        }
        return (ids, total);
    }

    private static void Bind(DbCommand command, string match, QuestionFilter filter)
    {
        Add(command, "$match").Value = match;
        if (filter.Category is not null)
        {
            Add(command, "$category").Value = filter.Category;
        }
        if (filter.Difficulty is not null)
        {
            Add(command, "$difficulty").Value = (int)filter.Difficulty;
        }
        if (filter.Tag is not null)
        {
            Add(command, "$tag").Value = filter.Tag;
        }
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
