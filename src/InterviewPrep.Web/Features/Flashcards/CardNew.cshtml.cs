using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>Writes an own card by hand.</summary>
[Authorize]
public sealed class CardNewModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    [BindProperty] public CardForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Validate(ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var card = new Flashcard { UserId = User.UserId(), CreatedAtUtc = now };
        Input.ApplyTo(card, renderer);
        card.Apply(CardMemory.New(new DateTimeOffset(now, TimeSpan.Zero)));
        db.Flashcards.Add(card);
        await writes.SaveAsync(ct);
        TempData["Message"] = "Card saved. It joins your new cards.";
        return Redirect("/flashcards/cards");
    }
}
