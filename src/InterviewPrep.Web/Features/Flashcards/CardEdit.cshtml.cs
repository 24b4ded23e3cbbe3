using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>Edits an own card's front, back and tags; its schedule is kept.</summary>
[Authorize]
public sealed class CardEditModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer) : PageModel
{
    [BindProperty] public CardForm Input { get; set; } = new();
    public int Id { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var card = await Find(id).AsNoTracking().FirstOrDefaultAsync(ct);
        if (card is null)
        {
            return NotFound();
        }
        Id = id;
        Input = new CardForm { Front = card.Front, Back = card.BackMarkdown, Tags = card.Tags, Version = card.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var card = await Find(id).FirstOrDefaultAsync(ct);
        if (card is null)
        {
            return NotFound();
        }
        Id = id;
        Input.Validate(ModelState, nameof(Input));
        if (ModelState.IsValid && card.Version != Input.Version)
        {
            // Reviewing also moves the version; only the text fields are at stake, so keep what was typed and say why.
            ModelState.AddModelError("", "This card changed since you opened it (it was reviewed or edited in another tab). Your text is kept below: save again to use it.");
            ModelState.Remove("Input.Version");
            Input.Version = card.Version;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(card, renderer);
        card.Version++;
        try
        {
            await writes.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "This card changed while you saved. Your text is kept below: save again to use it.");
            return Page();
        }
        Message = "Card saved.";
        return Redirect("/flashcards/cards");
    }

    private IQueryable<Flashcard> Find(int id) =>
        db.Flashcards.OwnedBy(User.UserId()).Where(c => c.Id == id && c.QuestionId == null && !c.IsDeleted);
}
