using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>The pipeline: upcoming interviews first with a countdown, then past ones; filters and a board by stage.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Company, string Role, string? RoundName, InterviewStage Stage, DateTime? ScheduledAtUtc, string TimeZoneId, int Done, int Total);

    [BindProperty(SupportsGet = true)] public InterviewStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Company { get; set; }
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];
    public IReadOnlyList<Row> All => [.. Upcoming, .. Past];
    public DateTimeOffset Now { get; private set; }
    public bool IsBoard => View == "board";
    public bool HasAny { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var query = db.Interviews.AsNoTracking().OwnedBy(User.UserId());
        HasAny = await query.AnyAsync(ct);
        if (Stage is { } stage && Enum.IsDefined(stage))
        {
            query = query.Where(i => i.Stage == stage);
        }
        if (!string.IsNullOrWhiteSpace(Company))
        {
            // The user's text is matched literally and without regard to case: SQLite's LIKE ignores the case of ASCII
            // letters, PostgreSQL's ILIKE that of every letter.
            var pattern = "%" + Company.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = db.Database.IsNpgsql()
                ? query.Where(i => EF.Functions.ILike(i.Company, pattern, "\\"))
                : query.Where(i => EF.Functions.Like(i.Company, pattern, "\\"));
        }
        var rows = await query
            .Select(i => new Row(i.Id, i.Company, i.Role, i.RoundName, i.Stage, i.ScheduledAtUtc, i.TimeZoneId, i.Checklist.Count(c => c.IsDone), i.Checklist.Count))
            .ToListAsync(ct);
        var now = Now.UtcDateTime;
        // Upcoming: scheduled later (or unscheduled) and still open; soonest first, unscheduled last.
        Upcoming = rows.Where(r => !StageNames.IsClosed(r.Stage) && (r.ScheduledAtUtc is null || r.ScheduledAtUtc >= now.AddHours(-2)))
            .OrderBy(r => r.ScheduledAtUtc is null).ThenBy(r => r.ScheduledAtUtc).ThenBy(r => r.Company).ToList();
        Past = rows.Except(Upcoming).OrderByDescending(r => r.ScheduledAtUtc).ThenBy(r => r.Company).ToList();
    }
}
