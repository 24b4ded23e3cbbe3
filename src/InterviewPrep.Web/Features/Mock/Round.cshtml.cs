using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>
/// A round as it runs: the question on the clock with its answer box, then the scoring of each answer, then the report.
/// Which of the three the page shows follows from the round's state in the database, so a reload resumes it.
/// </summary>
public sealed class RoundModel(AppDbContext db, MockRounds rounds, BankCatalog catalog, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    public enum Step
    {
        Answer,
        Score,
        Report,
    }

    /// <summary>What the scoring step shows of a question: its key points to tick, the model answer and the coaching.</summary>
    public sealed record QuestionForScoring(string Title, string Slug, IReadOnlyList<string> KeyPointsHtml, string AnswerHtml, string HowToAnswerHtml);

    /// <summary>One answer as the report shows it.</summary>
    public sealed record ReportRow(MockAnswer Answer, BankQuestion? Question, int? UsedSeconds, int? Score, Rubric Rubric);

    public MockRound Round { get; private set; } = null!;
    public Step View { get; private set; }
    public MockAnswer? Current { get; private set; }
    public BankQuestion? CurrentQuestion { get; private set; }
    public int QuestionSecondsLeft { get; private set; }
    public int RoundSecondsLeft { get; private set; }
    public QuestionForScoring? Scoring { get; private set; }
    public Rubric Rubric { get; private set; } = Rubric.Concepts;
    public IReadOnlyList<ReportRow> Report { get; private set; } = [];
    public string? InterviewCompany { get; private set; }

    [BindProperty] public int AnswerId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Mode { get; set; }
    [BindProperty] public List<int> Hits { get; set; } = [];
    [BindProperty] public List<int> Signals { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The draft of the answer being typed, sent by the page's script as the candidate types: 204, or 409 once the answer is given.</summary>
    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(User.UserId(), id, ct) is null)
        {
            return NotFound();
        }
        if ((Text ?? "").Length > MockRounds.MaxAnswerLength)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, $"An answer is limited to {MockRounds.MaxAnswerLength:N0} characters.");
        }
        return await rounds.SaveDraftAsync(User.UserId(), id, AnswerId, Text ?? "", ct) ? StatusCode(StatusCodes.Status204NoContent)
            : StatusCode(StatusCodes.Status409Conflict, "This answer was already given; its draft is no longer kept."); // a body: not a status page
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(User.UserId(), id, ct) is null)
        {
            return NotFound();
        }
        if ((Text ?? "").Length > MockRounds.MaxAnswerLength)
        {
            ModelState.AddModelError(nameof(Text), $"An answer is limited to {MockRounds.MaxAnswerLength:N0} characters; this one has {Text!.Length:N0}. Shorten it and submit again.");
            await LoadAsync(id, ct);
            return Page();
        }
        var mode = Mode == "outloud" ? AnswerMode.OutLoud : AnswerMode.Typed;
        await rounds.SubmitAsync(User.UserId(), id, AnswerId, Text ?? "", mode, ct);
        return Redirect($"/mock/{id}");
    }

    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (View != Step.Score || Current?.Id != AnswerId)
        {
            return Redirect($"/mock/{id}"); // scored already (a second tab, a double click): show where the round is
        }
        for (var i = 0; i < Rubric.Signals.Count; i++)
        {
            if (i >= Signals.Count || Signals[i] is < 1 or > 4)
            {
                ModelState.AddModelError($"Signals[{i}]", $"Rate {Rubric.Signals[i].Name.ToLowerInvariant()} from 1 to 4.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var hits = MockScoring.ValidHits(Hits, Scoring!.KeyPointsHtml.Count);
        await rounds.ScoreAsync(User.UserId(), id, AnswerId, hits, Scoring.KeyPointsHtml.Count, Signals.Take(4).ToList(), ct);
        return Redirect($"/mock/{id}");
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(User.UserId(), id, ct) is null)
        {
            return NotFound();
        }
        await rounds.EndAsync(User.UserId(), id, ct);
        return Redirect($"/mock/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await rounds.FindAsync(User.UserId(), id, ct) is not { } round)
        {
            return false;
        }
        Round = round;
        var bank = (await catalog.GetAsync(ct)).ById;
        InterviewCompany = round.InterviewId is { } interviewId
            ? await db.Interviews.OwnedBy(User.UserId()).Where(i => i.Id == interviewId).Select(i => i.Company).FirstOrDefaultAsync(ct)
            : null;
        var unanswered = round.Answers.FirstOrDefault(a => a.SubmittedAtUtc is null);
        var unscored = round.Answers.FirstOrDefault(a => a.SubmittedAtUtc is not null && !a.IsSkipped && a.ScoredAtUtc is null);
        if (unscored is not null && (!round.ScoreAtEnd || unanswered is null))
        {
            (View, Current) = (Step.Score, unscored);
            CurrentQuestion = bank.GetValueOrDefault(unscored.QuestionId);
            Rubric = Rubric.For(CurrentQuestion?.CategorySlug ?? "");
            Scoring = await ScoringOfAsync(unscored.QuestionId, ct);
        }
        else if (unanswered is not null)
        {
            (View, Current) = (Step.Answer, unanswered);
            CurrentQuestion = bank.GetValueOrDefault(unanswered.QuestionId);
            var started = await rounds.ShowAsync(unanswered, ct);
            var now = time.GetUtcNow().UtcDateTime;
            var spent = (int)(now - started).TotalSeconds;
            var before = round.Answers.Where(a => a.SubmittedAtUtc is not null && !a.IsSkipped).Sum(UsedSeconds);
            QuestionSecondsLeft = unanswered.BudgetSeconds - spent;
            RoundSecondsLeft = round.LengthMinutes * 60 - before - spent;
            Text ??= unanswered.Text;
        }
        else
        {
            View = Step.Report;
            Report = [.. round.Answers.Select(a =>
            {
                var question = bank.GetValueOrDefault(a.QuestionId);
                return new ReportRow(a, question, a.IsSkipped ? null : UsedSeconds(a), a.ScoredAtUtc is null ? null : MockRounds.Score(a),
                    Rubric.For(question?.CategorySlug ?? ""));
            })];
        }
        return true;
    }

    private async Task<QuestionForScoring> ScoringOfAsync(int questionId, CancellationToken ct)
    {
        var q = await db.Questions.AsNoTracking().Where(q => q.Id == questionId)
            .Select(q => new { q.Title, q.Slug, q.KeyPointsMarkdown, q.AnswerHtml, q.HowToAnswerHtml }).FirstAsync(ct);
        var keyPoints = ContentParser.KeyPointItems(q.KeyPointsMarkdown).Select(renderer.ToInlineHtml).ToList();
        return new QuestionForScoring(q.Title, q.Slug, keyPoints, q.AnswerHtml, q.HowToAnswerHtml);
    }

    /// <summary>Seconds an answer took, from its first showing to its submission.</summary>
    public static int UsedSeconds(MockAnswer answer) =>
        answer is { StartedAtUtc: { } start, SubmittedAtUtc: { } end } ? (int)Math.Max(0, (end - start).TotalSeconds) : 0;
}
