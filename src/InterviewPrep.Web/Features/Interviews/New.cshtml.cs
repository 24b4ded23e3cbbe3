using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>Adds an interview to the pipeline.</summary>
public sealed class NewModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    [BindProperty] public InterviewForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Input.TimeZoneId = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync(ct);
        Input.PadContacts();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Validate(ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            Input.PadContacts();
            return Page();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var interview = new Interview { UserId = User.UserId(), Company = "", Role = "", CreatedAtUtc = now };
        Input.ApplyTo(interview, renderer, now);
        db.Interviews.Add(interview);
        await writes.SaveAsync(ct);
        return RedirectToPage("Details", new { id = interview.Id });
    }
}
