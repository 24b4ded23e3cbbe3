using InterviewPrep.Web.Features.Flashcards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// One question: its four sections, tags, related questions, and previous/next in its category. All but the sections
/// come from the bank catalog (read once per import); the sections are one read of the question's row.
/// </summary>
public sealed class DetailsModel(BankCatalog catalog, IQuestionTexts texts) : PageModel
{
    public BankQuestion Question { get; private set; } = null!;
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public QuestionBody Body { get; private set; } = null!;
    public IReadOnlyList<BankQuestion> Related { get; private set; } = [];
    public BankQuestion? Previous { get; private set; }
    public BankQuestion? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var navigation = (await catalog.GetAsync(ct)).Navigation;
        if (navigation.Find(slug) is not { } place || await texts.BodyOfAsync(place.Question.Id, ct) is not { } body)
        {
            return NotFound();
        }
        (Question, Tags, Body, Previous, Next) = (place.Question, place.Tags, body, place.Previous, place.Next);
        Related = navigation.Related(place.Question);
        return Page();
    }
}
