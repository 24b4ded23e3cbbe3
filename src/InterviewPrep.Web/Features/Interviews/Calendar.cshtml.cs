using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>One interview as an .ics download.</summary>
public sealed class CalendarModel(AppDbContext db, InterviewCalendar calendar) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var userId = User.UserId();
        var interview = await db.Interviews.OwnedBy(userId).Where(i => i.Id == id).Select(i => new { i.Company, i.ScheduledAtUtc }).FirstOrDefaultAsync(ct);
        if (interview is null)
        {
            return NotFound();
        }
        var ics = await calendar.BuildAsync(userId, id, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), InterviewCalendar.ContentType, "interview.ics");
    }
}
