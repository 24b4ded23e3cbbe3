using System.ComponentModel.DataAnnotations;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// One question: its four sections, tags, related questions, and previous/next in its category. All but the sections
/// come from the bank catalog (read once per import); the sections are one read of the question's row. A signed-in
/// user also gets their prep of it (<see cref="QuestionPrep"/>): the card's state, study and suspend, an interview's
/// checklist or debrief, and a private note.
/// </summary>
public sealed class DetailsModel(BankCatalog catalog, IQuestionTexts texts, QuestionPrep prep) : PageModel
{
    public BankQuestion Question { get; private set; } = null!;
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public QuestionBody Body { get; private set; } = null!;
    public IReadOnlyList<BankQuestion> Related { get; private set; } = [];
    public BankQuestion? Previous { get; private set; }
    public BankQuestion? Next { get; private set; }

    /// <summary>The signed-in user's prep of this question; null for a visitor.</summary>
    public PrepPanel? Prep { get; private set; }

    [BindProperty, StringLength(QuestionNote.MaxLength, ErrorMessage = "Keep the note under 10,000 characters.")]
    public string? Note { get; set; }

    [BindProperty] public int? InterviewId { get; set; }

    /// <summary>What the last action did, carried over its redirect (read only when signed in: for a visitor, TempData's
    /// cookie would be cleared on every answer, and an answer that sets a cookie is not output-cached).</summary>
    public string? Message { get; private set; }

    private const string MessageKey = "prep-message";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSuspendAsync(string slug, CancellationToken ct) =>
        ActAsync(slug, (userId, question) => prep.ToggleSuspendAsync(userId, question.Id, ct)!, ct);

    public Task<IActionResult> OnPostChecklistAsync(string slug, CancellationToken ct) =>
        ActAsync(slug, (userId, question) => InterviewId is { } id ? prep.AddToChecklistAsync(userId, id, question, ct) : Task.FromResult<string?>(null), ct);

    public Task<IActionResult> OnPostAskedAsync(string slug, CancellationToken ct) =>
        ActAsync(slug, (userId, question) => InterviewId is { } id ? prep.AddAskedAsync(userId, id, question, ct) : Task.FromResult<string?>(null), ct);

    public async Task<IActionResult> OnPostNoteAsync(string slug, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // The page again, with the note as typed and what is wrong with it beside it.
            return User.Identity?.IsAuthenticated != true ? Challenge() : await LoadAsync(slug, ct) ? Page() : NotFound();
        }
        return await ActAsync(slug, (userId, question) => prep.SaveNoteAsync(userId, question.Id, Note, ct)!, ct);
    }

    /// <summary>
    /// Runs one of the signed-in user's actions on the question and comes back to the page's prep panel with what it did;
    /// 404 when the question, or the interview the action names, is not there for this user.
    /// </summary>
    private async Task<IActionResult> ActAsync(string slug, Func<string, BankQuestion, Task<string?>> act, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if ((await catalog.GetAsync(ct)).Navigation.Find(slug) is not { } place)
        {
            return NotFound();
        }
        if (await act(User.UserId(), place.Question) is not { } message)
        {
            return NotFound();
        }
        TempData[MessageKey] = message;
        return Redirect($"/questions/{place.Question.Slug}#your-prep");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var navigation = (await catalog.GetAsync(ct)).Navigation;
        if (navigation.Find(slug) is not { } place || await texts.BodyOfAsync(place.Question.Id, ct) is not { } body)
        {
            return false;
        }
        (Question, Tags, Body, Previous, Next) = (place.Question, place.Tags, body, place.Previous, place.Next);
        Related = navigation.Related(place.Question);
        if (User.Identity?.IsAuthenticated == true)
        {
            Prep = await prep.PanelAsync(User.UserId(), place.Question.Id, ct);
            Message = TempData[MessageKey] as string;
            Note ??= Prep.NoteMarkdown;
        }
        return true;
    }
}
