using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>The private feed of all of a user's interviews; the token in the URL is the only key, and it can be revoked.</summary>
public sealed class CalendarFeedModel(AppDbContext db, InterviewCalendar calendar) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return NotFound();
        }
        var userId = await db.Users.Where(u => u.CalendarToken == token).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return NotFound();
        }
        var ics = await calendar.BuildAsync(userId, null, ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(ics), InterviewCalendar.ContentType);
    }
}
