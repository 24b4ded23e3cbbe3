using System.Globalization;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>Every round of the user, newest first, with the scores of the finished ones over time.</summary>
public sealed class HistoryModel(AppDbContext db, FlashcardLibrary library) : PageModel
{
    public sealed record Row(int Id, string Name, DateOnly Day, int Answered, int Total, int? Score, bool IsFinished);

    public IReadOnlyList<Row> Rounds { get; private set; } = [];
    public IReadOnlyList<(string Label, int Score)> Trend { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var zone = (await library.ContextAsync(userId, ct)).ZoneId;
        var companies = db.Interviews.OwnedBy(userId);
        var rounds = await db.MockRounds.AsNoTracking().OwnedBy(userId)
            .OrderByDescending(r => r.StartedAtUtc)
            .Select(r => new
            {
                r.Id, r.Kind, r.StartedAtUtc, r.FinishedAtUtc,
                Company = companies.Where(i => i.Id == r.InterviewId).Select(i => i.Company).FirstOrDefault(),
                Answers = r.Answers.ToList(),
            })
            .ToListAsync(ct);
        Rounds = [.. rounds.Select(r => new Row(r.Id, r.Company is null ? MockKinds.Title(r.Kind) : $"For {r.Company}", FlashcardStats.LocalDay(r.StartedAtUtc, zone),
            r.Answers.Count(a => a.SubmittedAtUtc is not null && !a.IsSkipped), r.Answers.Count, MockRounds.Score(r.Answers), r.FinishedAtUtc is not null))];
        Trend = [.. Rounds.Where(r => r.IsFinished && r.Score is not null).Reverse()
            .Select(r => (r.Day.ToString("d MMM", CultureInfo.InvariantCulture), r.Score!.Value))];
    }
}
