using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// A question's texts through SQLite's own API (<see cref="PreparedReads"/>): the page's one read as a statement prepared
/// once (decision 0007), and a search's snippets from the start of each text, read through the blob API (decision 0008).
/// </summary>
internal sealed class SqliteQuestionTexts(PreparedReads reads) : IQuestionTexts
{
    private static readonly string Body = ModelSql.Resolve("""
        SELECT [Question.AnswerHtml], [Question.HowToAnswerHtml], [Question.ExampleAnswerHtml], [Question.FollowUpsHtml], [Question.KeyPointsHtml]
        FROM [Question] WHERE [Question.Id] = $id AND NOT [Question.IsRetired]
        """);

    // The blob API takes the table and the column apart, unquoted.
    private static readonly string Table = ModelSql.Resolve("[Question]").Trim('"');
    private static readonly string SearchText = ModelSql.Resolve("[Question.SearchText]").Trim('"');

    public Task<QuestionBody?> BodyOfAsync(int id, CancellationToken ct) => Task.FromResult(reads.Read<QuestionBody?>(Body, command => PreparedReads.Set(command, "$id", id), row => row.Read()
        ? new QuestionBody(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4))
        : null));

    public Task ReadSearchTextsAsync(IReadOnlyList<int> ids, Func<int, int, int> firstBytes, Func<int, ReadOnlySpan<char>, bool, bool> visit, CancellationToken ct)
    {
        reads.ReadTexts(Table, SearchText, ids, firstBytes, visit);
        return Task.CompletedTask;
    }
}
