using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Interviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>Starts a mock round: a kind of round or one of the user's interviews, a length, and when to score.</summary>
public sealed class IndexModel(AppDbContext db, MockRounds rounds) : PageModel
{
    public sealed class Form
    {
        /// <summary>A <see cref="MockKind"/> name, or "interview" with <see cref="InterviewId"/>.</summary>
        public string? Kind { get; set; } = nameof(MockKind.Fundamentals);
        public int? InterviewId { get; set; }

        /// <summary>The interview a round of another kind prepares for (the home page's offer for an interview without a checklist).</summary>
        public int? ForInterviewId { get; set; }
        public int Length { get; set; } = 30;
        public bool ScoreAtEnd { get; set; }
    }

    public sealed record InterviewChoice(int Id, string Label, int Items);
    public sealed record RoundRow(int Id, MockKind Kind, string? Company, DateTime StartedAtUtc, int Answered, int Total);

    [BindProperty] public Form Input { get; set; } = new();
    public IReadOnlyList<InterviewChoice> Interviews { get; private set; } = [];
    public IReadOnlyList<RoundRow> Unfinished { get; private set; } = [];
    public bool HasHistory { get; private set; }

    public async Task OnGetAsync(int? interview, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Interviews.FirstOrDefault(i => i.Id == interview) is { } chosen)
        {
            (Input.Kind, Input.InterviewId) = ("interview", chosen.Id);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        MockKind? kind = Input.Kind == "interview" ? MockKind.Interview
            : Enum.TryParse<MockKind>(Input.Kind, out var parsed) && MockKinds.Choosable.Contains(parsed) ? parsed : null;
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Choose a kind of round.");
        }
        if (kind == MockKind.Interview && Interviews.All(i => i.Id != Input.InterviewId))
        {
            ModelState.AddModelError("Input.InterviewId", "Choose one of your interviews that has a prep checklist.");
        }
        if (!MockKinds.Lengths.Contains(Input.Length))
        {
            ModelState.AddModelError("Input.Length", "Choose 15, 30, 45 or 60 minutes.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var interviewId = kind == MockKind.Interview ? Input.InterviewId
            : Input.ForInterviewId is { } forId && await db.Interviews.OwnedBy(User.UserId()).AnyAsync(i => i.Id == forId, ct) ? forId : null;
        if (await rounds.StartAsync(User.UserId(), kind!.Value, interviewId, Input.Length, Input.ScoreAtEnd, ct) is not { } id)
        {
            ModelState.AddModelError("Input.Kind", "No question of the bank fits this round yet. Choose another kind, or add questions or categories to the interview's checklist.");
            return Page();
        }
        return Redirect($"/mock/{id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Interviews = (await db.Interviews.AsNoTracking().OwnedBy(userId)
                .Where(i => i.Stage != InterviewStage.Offer && i.Stage != InterviewStage.Rejected && i.Stage != InterviewStage.Withdrawn)
                .Select(i => new { i.Id, i.Company, i.Role, i.ScheduledAtUtc, Items = i.Checklist.Count(p => p.QuestionId != null || p.CategoryId != null) })
                .Where(i => i.Items > 0)
                .ToListAsync(ct))
            .OrderBy(i => i.ScheduledAtUtc ?? DateTime.MaxValue)
            .Select(i => new InterviewChoice(i.Id, $"{i.Company}: {i.Role}", i.Items)).ToList();
        var companies = db.Interviews.OwnedBy(userId);
        Unfinished = (await db.MockRounds.AsNoTracking().OwnedBy(userId).Where(r => r.FinishedAtUtc == null)
                .OrderByDescending(r => r.StartedAtUtc)
                .Select(r => new RoundRow(r.Id, r.Kind, companies.Where(i => i.Id == r.InterviewId).Select(i => i.Company).FirstOrDefault(),
                    r.StartedAtUtc, r.Answers.Count(a => a.SubmittedAtUtc != null), r.Answers.Count))
                .Take(5).ToListAsync(ct));
        HasHistory = await db.MockRounds.OwnedBy(userId).AnyAsync(r => r.FinishedAtUtc != null, ct);
    }
}
