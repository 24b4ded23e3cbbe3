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
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class RoundModel(AppDbContext db, MockRounds rounds, BankCatalog catalog, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    /// <summary>What a post may carry: a recording over <see cref="MockRecording.MaxBytes"/> is still read, to refuse it with a message.</summary>
    private const int MaxUpload = 4 * MockRecording.MaxBytes;

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

    /// <summary>The answers of the round that have a recording.</summary>
    public IReadOnlySet<int> Recorded { get; private set; } = new HashSet<int>();
    public string? InterviewCompany { get; private set; }

    [TempData] public string? Message { get; set; }
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
        if (!await rounds.OwnsAsync(User.UserId(), id, ct))
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

    public async Task<IActionResult> OnPostSubmitAsync(int id, IFormFile? recording, CancellationToken ct)
    {
        var userId = User.UserId();
        if (!await rounds.OwnsAsync(userId, id, ct))
        {
            return NotFound();
        }
        if ((Text ?? "").Length > MockRounds.MaxAnswerLength)
        {
            ModelState.AddModelError(nameof(Text), $"An answer is limited to {MockRounds.MaxAnswerLength:N0} characters; this one has {Text!.Length:N0}. Shorten it and submit again.");
        }
        if (recording is { Length: > 0 } && !MockRecording.IsAudio(recording.ContentType))
        {
            ModelState.AddModelError("Recording", "That file is not audio. Record in the page, or choose a WebM, Ogg, MP4, MP3 or WAV audio file.");
        }
        else if (recording is { Length: > MockRecording.MaxBytes })
        {
            ModelState.AddModelError("Recording", $"The recording is {recording.Length / (1024.0 * 1024):0.0} MB; the limit is {MockRecording.MaxBytes / (1024 * 1024)} MB. Record a shorter answer, or answer out loud without recording.");
        }
        if (!ModelState.IsValid)
        {
            // What was typed is kept on the server too, as a draft: a reload after this still shows it.
            if ((Text ?? "").Length <= MockRounds.MaxAnswerLength)
            {
                await rounds.SaveDraftAsync(userId, id, AnswerId, Text ?? "", ct);
            }
            await LoadAsync(id, ct);
            return Page();
        }
        var mode = Mode == "outloud" ? AnswerMode.OutLoud : AnswerMode.Typed;
        if (recording is { Length: > 0 })
        {
            using var audio = new MemoryStream((int)recording.Length);
            await recording.CopyToAsync(audio, ct);
            if (await rounds.SaveRecordingAsync(userId, id, AnswerId, recording.ContentType, audio.ToArray(), ct))
            {
                mode = AnswerMode.Recorded;
            }
        }
        await rounds.SubmitAsync(userId, id, AnswerId, Text ?? "", mode, ct);
        return Redirect($"/mock/{id}");
    }

    /// <summary>Plays one of the user's recordings; another user's, or none, is not found.</summary>
    public async Task<IActionResult> OnGetAudioAsync(int id, int answerId, CancellationToken ct)
    {
        if (await rounds.RecordingAsync(User.UserId(), id, answerId, ct) is not { } recording)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(recording.Audio, recording.ContentType) { EnableRangeProcessing = true };
    }

    public async Task<IActionResult> OnPostDeleteRecordingAsync(int id, CancellationToken ct)
    {
        if (!await rounds.DeleteRecordingAsync(User.UserId(), id, AnswerId, ct))
        {
            return NotFound();
        }
        Message = "The recording is deleted. The answer and its score are kept.";
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
        if (!await rounds.OwnsAsync(User.UserId(), id, ct))
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
        Recorded = await rounds.RecordedAsync(User.UserId(), id, ct);
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
    public static int UsedSeconds(MockAnswer answer) => (int)answer.Took.TotalSeconds;
}
