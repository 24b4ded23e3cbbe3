using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>The long texts of a question that the bank in memory does not hold. Each provider registers one implementation.</summary>
public interface IQuestionTexts
{
    /// <summary>The question's stored HTML sections; null if it is retired or gone.</summary>
    Task<QuestionBody?> BodyOfAsync(int id, CancellationToken ct);

    /// <summary>
    /// Reads the search text of questions by id, in the order given: <paramref name="visit"/> gets each text with its place
    /// and whether it is the whole text. An implementation may first give only the start of a text (as many UTF-8 bytes as
    /// <paramref name="firstBytes"/> gives for the place and the text's length), and then the whole text when
    /// <paramref name="visit"/> answers false for the start. A question that is not there is left out.
    /// </summary>
    Task ReadSearchTextsAsync(IReadOnlyList<int> ids, Func<int, int, int> firstBytes, Func<int, ReadOnlySpan<char>, bool, bool> visit, CancellationToken ct);
}

/// <summary>A question's texts through EF Core, on any provider: whole texts, no partial reads.</summary>
internal sealed class QuestionTexts(AppDbContext db) : IQuestionTexts
{
    public Task<QuestionBody?> BodyOfAsync(int id, CancellationToken ct) =>
        db.Questions.AsNoTracking().Where(q => q.Id == id && !q.IsRetired)
            .Select(q => new QuestionBody(q.AnswerHtml, q.HowToAnswerHtml, q.ExampleAnswerHtml, q.FollowUpsHtml, q.KeyPointsHtml))
            .FirstOrDefaultAsync(ct);

    public async Task ReadSearchTextsAsync(IReadOnlyList<int> ids, Func<int, int, int> firstBytes, Func<int, ReadOnlySpan<char>, bool, bool> visit, CancellationToken ct)
    {
        var texts = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).Select(q => new { q.Id, q.SearchText }).ToDictionaryAsync(q => q.Id, q => q.SearchText, ct);
        for (var row = 0; row < ids.Count; row++)
        {
            if (texts.TryGetValue(ids[row], out var text))
            {
                visit(row, text, true);
            }
        }
    }
}

/// <summary>What a question page reads from the question's row.</summary>
public sealed record QuestionBody(string AnswerHtml, string HowToAnswerHtml, string ExampleAnswerHtml, string FollowUpsHtml, string KeyPointsHtml);
