using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>Edits an interview; a form loaded before another tab saved is refused, with the typed values kept.</summary>
public sealed class EditModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    public const string StaleMessage =
        "This interview was changed in another tab or window after you opened this form. Your changes are still below: the current version is shown on the interview's page. Save again to keep yours.";

    [BindProperty] public InterviewForm Input { get; set; } = new();
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var interview = await LoadAsync(id, ct);
        if (interview is null)
        {
            return NotFound();
        }
        Id = id;
        Input = InterviewForm.For(interview);
        Input.PadContacts();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var interview = await LoadAsync(id, ct);
        if (interview is null)
        {
            return NotFound();
        }
        Id = id;
        Input.Validate(ModelState, nameof(Input));
        if (ModelState.IsValid && Input.Version != interview.Version)
        {
            ModelState.AddModelError(nameof(Input), StaleMessage);
            // The re-shown form carries the current version, so saving it again is a deliberate overwrite.
            ModelState.Remove("Input.Version");
            Input.Version = interview.Version;
        }
        if (!ModelState.IsValid)
        {
            Input.PadContacts();
            return Page();
        }
        // The check above reads; this makes the write itself conditional, for a save that races it.
        db.Entry(interview).Property(i => i.Version).OriginalValue = Input.Version;
        Input.ApplyTo(interview, renderer, time.GetUtcNow().UtcDateTime);
        try
        {
            await writes.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(Input), StaleMessage);
            Input.PadContacts();
            return Page();
        }
        return RedirectToPage("Details", new { id });
    }

    private Task<Interview?> LoadAsync(int id, CancellationToken ct) =>
        db.Interviews.OwnedBy(User.UserId()).Include(i => i.Contacts).Include(i => i.StageHistory).FirstOrDefaultAsync(i => i.Id == id, ct);
}
