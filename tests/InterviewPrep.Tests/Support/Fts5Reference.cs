using System.Data.Common;
using System.Globalization;
using System.Text;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewPrep.Tests.Support;

/// <summary>
/// SQLite's FTS5, kept as the reference the in-memory search engine is checked against: a table <c>QuestionSearch</c> in
/// the app's SQLite database, with the live questions' titles, tags and search texts, and FTS5's ranking of a search
/// (bm25 with the engine's column weights). The app itself no longer uses FTS5.
/// </summary>
public static class Fts5Reference
{
    /// <summary>Fills the reference table from the bank as the app's database holds it now.</summary>
    public static Task CreateAsync(AppFactory app) => app.QueryAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync("""
            DROP TABLE IF EXISTS QuestionSearch;
            CREATE VIRTUAL TABLE QuestionSearch USING fts5(title, tags, body, tokenize = 'porter unicode61 remove_diacritics 2');
            INSERT INTO QuestionSearch(rowid, title, tags, body)
            SELECT q.Id, q.Title,
                   coalesce((SELECT group_concat(Slug, ' ') FROM (SELECT t.Slug FROM QuestionTags qt JOIN Tags t ON t.Id = qt.TagsId
                             WHERE qt.QuestionsId = q.Id ORDER BY t.Slug)), ''),
                   q.SearchText
            FROM Questions q WHERE NOT q.IsRetired;
            """);
        return true;
    });

    /// <summary>An FTS5 match expression that searches the words as plain terms: all of them, or any of them.</summary>
    public static string MatchExpression(IReadOnlyList<string> words, bool any, bool prefixLast)
    {
        var terms = words.Select((w, i) => prefixLast && i == words.Count - 1 && w.Length >= 2 ? $"\"{w}\"*" : $"\"{w}\"");
        return string.Join(any ? " OR " : " ", terms);
    }

    public static string MatchExpression(SearchTerms terms) => MatchExpression(terms.Words, terms.Any, terms.PrefixLast);

    /// <summary>One page of matching ids, ranked by FTS5, and how many match.</summary>
    public static Task<(List<int> Ids, int Total)> RankAsync(AppFactory app, SearchTerms terms, QuestionFilter filter, int offset, int limit) => app.QueryAsync(async db =>
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
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        await using var count = Command(connection, $"SELECT count(*) {From} WHERE {where}", terms, filter);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var select = Command(connection, $"SELECT QuestionSearch.rowid {From} WHERE {where} ORDER BY {rank}, QuestionSearch.rowid LIMIT $limit OFFSET $offset", terms, filter);
        Add(select, "$limit", limit);
        Add(select, "$offset", offset);
        var ids = new List<int>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }
        return (ids, total);
    });

    private static DbCommand Command(DbConnection connection, string sql, SearchTerms terms, QuestionFilter filter)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "$match", MatchExpression(terms));
        if (filter.Category is not null)
        {
            Add(command, "$category", filter.Category);
        }
        if (filter.Difficulty is not null)
        {
            Add(command, "$difficulty", (int)filter.Difficulty);
        }
        if (filter.Tag is not null)
        {
            Add(command, "$tag", filter.Tag);
        }
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
