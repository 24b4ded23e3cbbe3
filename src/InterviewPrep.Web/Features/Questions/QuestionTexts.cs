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

/// <summary>A question's texts through EF Core, on any provider.</summary>
internal sealed class QuestionTexts(AppDbContext db) : IQuestionTexts
{
    public Task<QuestionBody?> BodyOfAsync(int id, CancellationToken ct) =>
        db.Questions.AsNoTracking().Where(q => q.Id == id && !q.IsRetired)
            .Select(q => new QuestionBody(q.AnswerHtml, q.HowToAnswerHtml, q.ExampleAnswerHtml, q.FollowUpsHtml, q.KeyPointsHtml))
            .FirstOrDefaultAsync(ct);

    public async Task ReadSearchTextsAsync(IReadOnlyList<int> ids, Func<int, int, int> firstBytes, Func<int, ReadOnlySpan<char>, bool, bool> visit, CancellationToken ct)
    {
        // The start of each text first, as SQLite's blob reads do: PostgreSQL then decompresses only that much of a
        // compressed value. The whole text follows only for those whose start did not decide the snippet.
        var starts = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, Start = q.SearchText.Substring(0, FirstChars) })
            .ToDictionaryAsync(q => q.Id, q => q.Start, ct);
        var again = new List<int>();
        for (var row = 0; row < ids.Count; row++)
        {
            if (starts.TryGetValue(ids[row], out var start) && !visit(row, start, start.Length < FirstChars) && start.Length == FirstChars)
            {
                again.Add(row);
            }
        }
        if (again.Count == 0)
        {
            return;
        }
        var rest = again.ConvertAll(row => ids[row]);
        var texts = await db.Questions.AsNoTracking().Where(q => rest.Contains(q.Id)).Select(q => new { q.Id, q.SearchText }).ToDictionaryAsync(q => q.Id, q => q.SearchText, ct);
        foreach (var row in again)
        {
            if (texts.TryGetValue(ids[row], out var text))
            {
                visit(row, text, true);
            }
        }
    }

    /// <summary>How much of a text is read first: the start that decides most snippets (decision 0008's 2 KB).</summary>
    private const int FirstChars = 2048;
}

/// <summary>What a question page reads from the question's row.</summary>
public sealed record QuestionBody(string AnswerHtml, string HowToAnswerHtml, string ExampleAnswerHtml, string FollowUpsHtml, string KeyPointsHtml);
