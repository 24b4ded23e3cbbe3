using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>Asks before deleting an interview, so that one stray click cannot erase it; works without JavaScript.</summary>
public sealed class DeleteModel(AppDbContext db, DatabaseWrites writes) : PageModel
{
    public sealed record Summary(string Company, string Role, DateTime? ScheduledAtUtc, string TimeZoneId);

    public int Id { get; private set; }
    public Summary Interview { get; private set; } = null!;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().OwnedBy(User.UserId()).Where(i => i.Id == id)
            .Select(i => new Summary(i.Company, i.Role, i.ScheduledAtUtc, i.TimeZoneId)).FirstOrDefaultAsync(ct);
        if (interview is null)
        {
            return NotFound();
        }
        (Id, Interview) = (id, interview);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var deleted = await writes.RunAsync(() => db.Interviews.OwnedBy(User.UserId()).Where(i => i.Id == id).ExecuteDeleteAsync(ct), ct);
        if (deleted == 0)
        {
            return NotFound();
        }
        Message = "The interview was deleted.";
        return RedirectToPage("Index");
    }
}
