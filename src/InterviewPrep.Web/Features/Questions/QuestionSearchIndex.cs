using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using InterviewPrep.Web.Data;
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
public sealed partial class QuestionSearchIndex(AppDbContext db)
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
    /// Ranking reads only the index; the page's rows are then read by rowid and highlighted by
    /// <see cref="SearchHighlighter"/>, so the match expression is evaluated once, not again for every row shown.
    /// </summary>
    public async Task<(List<QuestionSummary> Items, int Total)> SearchAsync(
        SearchTerms terms, QuestionFilter filter, int offset, int limit, CancellationToken ct)
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
        const string Rank = "bm25(QuestionSearch, 10.0, 4.0, 1.0)";
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

        var ranked = unfiltered
            ? $"SELECT rowid AS Id, {Rank} AS Rank FROM QuestionSearch WHERE QuestionSearch MATCH $match"
            : $"SELECT QuestionSearch.rowid AS Id, {Rank} AS Rank {From} WHERE {where}";
        await using var select = await CommandAsync($"""
            SELECT q.Slug, q.Title, c.Slug, c.Title, q.Difficulty, s.body
            FROM ({ranked} ORDER BY Rank LIMIT $limit OFFSET $offset) p
            JOIN Questions q ON q.Id = p.Id JOIN Categories c ON c.Id = q.CategoryId JOIN QuestionSearch s ON s.rowid = p.Id
            ORDER BY p.Rank
            """, ct);
        Bind(select, match, filter);
        Add(select, "$limit").Value = limit;
        Add(select, "$offset").Value = offset;
        var highlighter = new SearchHighlighter(terms.Words, terms.PrefixLast);
        var items = new List<QuestionSummary>(limit);
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var title = reader.GetString(1);
            items.Add(new QuestionSummary(reader.GetString(0), title, reader.GetString(2), reader.GetString(3), (Difficulty)reader.GetInt32(4))
            {
                TitleHtml = highlighter.Highlight(title),
                SnippetHtml = highlighter.Snippet(reader.GetString(5), SnippetWords),
            });
        }
        return (items, total);
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
