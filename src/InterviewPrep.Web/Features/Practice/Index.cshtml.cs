using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Practice;

/// <summary>The practice log with the streak, a year heatmap and minutes per category.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, DateOnly Date, int DurationMinutes, PracticeKind Kind, int Rating, List<string> Categories, string? Interview, string NotesHtml);

    public IReadOnlyList<Row> Sessions { get; private set; } = [];
    public IReadOnlyList<HeatmapDay> Heatmap { get; private set; } = [];

    /// <summary>The user's interviews in the next eight weeks, marked on the heatmap after today.</summary>
    public IReadOnlyList<(DateOnly Day, string Label)> Upcoming { get; private set; } = [];
    public IReadOnlyList<(string Category, int Minutes)> PerCategory { get; private set; } = [];
    public int Streak { get; private set; }
    public int LongestStreak { get; private set; }
    public int MinutesThisWeek { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync(ct);
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(time.GetUtcNow().UtcDateTime, zone));
        var sessions = await db.PracticeSessions.AsNoTracking().OwnedBy(userId)
            .OrderByDescending(p => p.Date).ThenByDescending(p => p.CreatedAtUtc)
            .Select(p => new Row(p.Id, p.Date, p.DurationMinutes, p.Kind, p.Rating,
                p.Categories.OrderBy(c => c.Order).Select(c => c.Title).ToList(),
                p.InterviewId == null ? null : db.Interviews.Where(i => i.Id == p.InterviewId).Select(i => i.Company).FirstOrDefault(),
                p.NotesHtml))
            .ToListAsync(ct);
        Sessions = sessions;
        Streak = PracticeStats.CurrentStreak(sessions.Select(s => s.Date), today);
        LongestStreak = PracticeStats.LongestStreak(sessions.Select(s => s.Date));
        Heatmap = PracticeStats.Heatmap(sessions.Select(s => (s.Date, s.DurationMinutes)), today);
        var now = time.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(56);
        Upcoming = [.. (await db.Interviews.AsNoTracking().OwnedBy(userId)
                .Where(i => i.ScheduledAtUtc > now && i.ScheduledAtUtc < horizon)
                .Select(i => new { i.ScheduledAtUtc, i.Company }).ToListAsync(ct))
            .Select(i => (DateOnly.FromDateTime(TimeZones.ToLocal(i.ScheduledAtUtc!.Value, zone)), i.Company))
            .Where(i => i.Item1 > today)];
        PerCategory = PracticeStats.MinutesPerCategory(sessions.Where(s => s.Categories.Count > 0).Select(s => (s.DurationMinutes, (IReadOnlyList<string>)s.Categories)));
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        MinutesThisWeek = sessions.Where(s => s.Date >= weekStart && s.Date <= today).Sum(s => s.DurationMinutes);
    }
}
