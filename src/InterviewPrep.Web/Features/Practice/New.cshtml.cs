using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Mvc;

namespace InterviewPrep.Web.Features.Practice;

/// <summary>Logs a practice session by hand.</summary>
public sealed class NewModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PracticeFormPage(db, writes, renderer, time)
{
    public async Task OnGetAsync(int? interview, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Input.Date = Today;
        Input.InterviewId = Interviews.Any(i => i.Id == interview) ? interview : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var session = new PracticeSession { UserId = User.UserId(), CreatedAtUtc = NowUtc };
        await ApplyAsync(session, ct);
        Db.PracticeSessions.Add(session);
        await Writes.SaveAsync(ct);
        TempData["Message"] = "Practice logged. Keep the streak going!";
        return RedirectToPage("Index");
    }
}
