using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Practice;

/// <summary>Edits or deletes a logged practice session; another user's answers 404.</summary>
public sealed class EditModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PracticeFormPage(db, writes, renderer, time)
{
    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await SessionAsync(id, ct) is not { } session)
        {
            return NotFound();
        }
        await LoadChoicesAsync(ct);
        Id = id;
        Input = new Form
        {
            Date = session.Date,
            DurationMinutes = session.DurationMinutes,
            Kind = session.Kind,
            CategoryIds = [.. session.Categories.Select(c => c.Id)],
            InterviewId = session.InterviewId,
            Rating = session.Rating,
            Notes = session.NotesMarkdown,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await SessionAsync(id, ct) is not { } session)
        {
            return NotFound();
        }
        await LoadChoicesAsync(ct);
        Id = id;
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await ApplyAsync(session, ct);
        await Writes.SaveAsync(ct);
        TempData["Message"] = "Practice session saved.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await Writes.RunAsync(() => Db.PracticeSessions.OwnedBy(User.UserId()).Where(p => p.Id == id).ExecuteDeleteAsync(ct), ct) == 0)
        {
            return NotFound();
        }
        TempData["Message"] = "Practice session deleted.";
        return RedirectToPage("Index");
    }

    private Task<PracticeSession?> SessionAsync(int id, CancellationToken ct) =>
        Db.PracticeSessions.OwnedBy(User.UserId()).Include(p => p.Categories).FirstOrDefaultAsync(p => p.Id == id, ct);
}
