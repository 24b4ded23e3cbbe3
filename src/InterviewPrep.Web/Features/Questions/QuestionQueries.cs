using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The one query of a question page, compiled once: everything else on the page comes from the bank catalog.
/// A singleton for the same reason as <see cref="Flashcards.FlashcardQueries"/>: a compiled query binds to the model
/// of the first context it runs with, and the tests start many hosts in one process.
/// </summary>
public sealed class QuestionQueries
{
    /// <summary>The question's four stored HTML sections and its related slugs; null if it is retired or gone.</summary>
    public Func<AppDbContext, int, CancellationToken, Task<QuestionBody?>> BodyOf { get; } =
        EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Questions.Where(q => q.Id == id && !q.IsRetired)
                .Select(q => new QuestionBody(q.AnswerHtml, q.HowToAnswerHtml, q.ExampleAnswerHtml, q.FollowUpsHtml, q.RelatedSlugs))
                .FirstOrDefault());
}

/// <summary>What a question page reads from the question's row.</summary>
public sealed record QuestionBody(string AnswerHtml, string HowToAnswerHtml, string ExampleAnswerHtml, string FollowUpsHtml, List<string> RelatedSlugs);
