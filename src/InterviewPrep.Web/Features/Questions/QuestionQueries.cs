using InterviewPrep.Web.Data;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The one query of a question page, as a statement prepared once (<see cref="PreparedReads"/>): everything else on
/// the page comes from the bank catalog.
/// </summary>
public sealed class QuestionQueries(PreparedReads reads)
{
    private const string Body = """
        SELECT AnswerHtml, HowToAnswerHtml, ExampleAnswerHtml, FollowUpsHtml, KeyPointsHtml
        FROM Questions WHERE Id = $id AND NOT IsRetired
        """;

    /// <summary>The question's stored HTML sections; null if it is retired or gone.</summary>
    public QuestionBody? BodyOf(int id) => reads.Read(Body, command => PreparedReads.Set(command, "$id", id), row => row.Read()
        ? new QuestionBody(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4))
        : null);
}

/// <summary>What a question page reads from the question's row.</summary>
public sealed record QuestionBody(string AnswerHtml, string HowToAnswerHtml, string ExampleAnswerHtml, string FollowUpsHtml, string KeyPointsHtml);
