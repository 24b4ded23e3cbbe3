using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>
/// The mock rounds of a user: starts one, keeps each answer's draft and clock, scores answers into flashcard grades
/// and logs the finished round as practice. Every query is scoped to the user; another user's round is not found.
/// </summary>
public sealed class MockRounds(AppDbContext db, DatabaseWrites writes, BankCatalog catalog, FlashcardLibrary library, MarkdownRenderer renderer, TimeProvider time)
{
    /// <summary>The longest typed answer kept: about 20 pages of text.</summary>
    public const int MaxAnswerLength = 50_000;

    /// <summary>Starts a round; null when no question fits it (an interview with an empty checklist, an empty category).</summary>
    public async Task<int?> StartAsync(string userId, MockKind kind, int? interviewId, int lengthMinutes, bool scoreAtEnd, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Another kind of round may be linked to an interview (for its practice log) without drawing on its checklist.
        var candidates = await CandidatesAsync(userId, kind == MockKind.Interview ? interviewId : null, now, ct);
        var picked = QuestionPicker.Pick(kind, lengthMinutes, candidates, now, Random.Shared.Next());
        if (picked.Count == 0)
        {
            return null;
        }
        var round = new MockRound
        {
            UserId = userId,
            Kind = kind,
            InterviewId = interviewId,
            LengthMinutes = lengthMinutes,
            ScoreAtEnd = scoreAtEnd,
            StartedAtUtc = now,
            Answers = [.. picked.Select((q, i) => new MockAnswer { Position = i, QuestionId = q.QuestionId, BudgetSeconds = q.BudgetSeconds })],
        };
        db.MockRounds.Add(round);
        await writes.SaveAsync(ct);
        return round.Id;
    }

    /// <summary>The bank's live questions with the user's card and mock history of each; for an interview, its checklist's.</summary>
    private async Task<List<MockCandidate>> CandidatesAsync(string userId, int? interviewId, DateTime now, CancellationToken ct)
    {
        var bank = (await catalog.GetAsync(ct)).Questions.Where(q => !q.IsRetired).ToList();
        var cards = await db.Flashcards.AsNoTracking().OwnedBy(userId).Where(c => c.QuestionId != null && !c.IsDeleted).ToDictionaryAsync(c => c.QuestionId!.Value, ct);
        var lastMock = await db.MockRounds.OwnedBy(userId)
            .SelectMany(r => r.Answers.Where(a => a.SubmittedAtUtc != null && a.Mode != AnswerMode.Skipped))
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Last = g.Max(a => a.SubmittedAtUtc) })
            .ToDictionaryAsync(x => x.QuestionId, x => x.Last, ct);
        var scheduler = (await library.ContextAsync(userId, ct)).Scheduler;

        HashSet<int> listed = [], listedCategories = [];
        if (interviewId is { } id)
        {
            var checklist = await db.Interviews.OwnedBy(userId).Where(i => i.Id == id).SelectMany(i => i.Checklist)
                .Select(p => new { p.QuestionId, p.CategoryId }).ToListAsync(ct);
            listed = [.. checklist.Select(p => p.QuestionId).OfType<int>()];
            listedCategories = [.. checklist.Select(p => p.CategoryId).OfType<int>()];
            // The categories of the listed questions count as the interview's too: the round goes on with them.
            listedCategories.UnionWith(bank.Where(q => listed.Contains(q.Id)).Select(q => q.CategoryId));
            bank = [.. bank.Where(q => listed.Contains(q.Id) || listedCategories.Contains(q.CategoryId))];
        }
        return [.. bank.Select(q =>
        {
            var card = cards.GetValueOrDefault(q.Id);
            var studied = card is not null && card.State != Flashcards.Scheduling.CardState.New;
            return new MockCandidate(q.Id, q.CategorySlug, q.Difficulty,
                studied ? scheduler.Retrievability(card!.Memory, new DateTimeOffset(now, TimeSpan.Zero)) : null,
                card?.Lapses ?? 0, studied ? card!.DueUtc : null, lastMock.GetValueOrDefault(q.Id), listed.Contains(q.Id));
        })];
    }

    /// <summary>The user's round with its answers in order, not tracked; null for none or another user's.</summary>
    public Task<MockRound?> FindAsync(string userId, int roundId, CancellationToken ct) =>
        db.MockRounds.AsNoTracking().OwnedBy(userId).Include(r => r.Answers.OrderBy(a => a.Position)).FirstOrDefaultAsync(r => r.Id == roundId, ct);

    /// <summary>Starts the clock of a question when it is first shown; a later showing keeps the first time.</summary>
    public async Task<DateTime> ShowAsync(MockAnswer answer, CancellationToken ct)
    {
        if (answer.StartedAtUtc is { } started)
        {
            return started;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await writes.RunAsync(() => Answers(answer.RoundId).Where(a => a.Id == answer.Id && a.StartedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartedAtUtc, now), ct), ct);
        return await Answers(answer.RoundId).Where(a => a.Id == answer.Id).Select(a => a.StartedAtUtc!.Value).FirstAsync(ct);
    }

    /// <summary>Keeps the typed draft of an answer still open; false when the answer is already given (or not the user's).</summary>
    public async Task<bool> SaveDraftAsync(string userId, int roundId, int answerId, string text, CancellationToken ct)
    {
        if (!await OwnsOpenRoundAsync(userId, roundId, ct))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        return await writes.RunAsync(() => Answers(roundId).Where(a => a.Id == answerId && a.SubmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, Trim(text)).SetProperty(a => a.DraftSavedAtUtc, now), ct), ct) == 1;
    }

    /// <summary>Gives an answer: the text as typed (kept, even when answered out loud), and stops its clock. Once only.</summary>
    public async Task<bool> SubmitAsync(string userId, int roundId, int answerId, string text, AnswerMode mode, CancellationToken ct)
    {
        if (!await OwnsOpenRoundAsync(userId, roundId, ct))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        // A question answered without its page ever being shown (a form posted from elsewhere) starts and ends now.
        return await writes.RunAsync(() => Answers(roundId).Where(a => a.Id == answerId && a.SubmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Text, Trim(text))
                .SetProperty(a => a.Mode, mode)
                .SetProperty(a => a.StartedAtUtc, a => a.StartedAtUtc ?? now)
                .SetProperty(a => a.SubmittedAtUtc, now), ct), ct) == 1;
    }

    /// <summary>Keeps a recording of an answer still open, in place of any earlier one; false when the answer is given or not the user's.</summary>
    public async Task<bool> SaveRecordingAsync(string userId, int roundId, int answerId, string contentType, byte[] audio, CancellationToken ct)
    {
        if (!await OwnsOpenRoundAsync(userId, roundId, ct) || !await Answers(roundId).AnyAsync(a => a.Id == answerId && a.SubmittedAtUtc == null, ct))
        {
            return false;
        }
        // The earlier recording and the new one change places in one unit: never none, never two.
        await writes.RunAsync(async () =>
        {
            await db.MockRecordings.Where(r => r.AnswerId == answerId).ExecuteDeleteAsync(ct);
            db.MockRecordings.Add(new MockRecording
            {
                UserId = userId,
                AnswerId = answerId,
                ContentType = contentType.Split(';')[0].Trim().ToLowerInvariant(),
                Audio = audio,
                SizeBytes = audio.Length,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(ct);
        }, ct);
        return true;
    }

    /// <summary>The recording of one of the user's answers, to play; null for none or another user's.</summary>
    public Task<MockRecording?> RecordingAsync(string userId, int roundId, int answerId, CancellationToken ct) =>
        db.MockRecordings.AsNoTracking().OwnedBy(userId)
            .Where(r => r.AnswerId == answerId && Answers(roundId).Any(a => a.Id == answerId))
            .FirstOrDefaultAsync(ct);

    /// <summary>Deletes the recording of one of the user's answers; the answer and its score stay.</summary>
    public async Task<bool> DeleteRecordingAsync(string userId, int roundId, int answerId, CancellationToken ct) =>
        await writes.RunAsync(() => db.MockRecordings.OwnedBy(userId).Where(r => r.AnswerId == answerId && Answers(roundId).Any(a => a.Id == answerId))
            .ExecuteDeleteAsync(ct), ct) == 1;

    /// <summary>Which answers of a round have a recording (without reading the audio).</summary>
    public async Task<HashSet<int>> RecordedAsync(string userId, int roundId, CancellationToken ct) =>
        [.. await db.MockRecordings.OwnedBy(userId).Where(r => Answers(roundId).Any(a => a.Id == r.AnswerId)).Select(r => r.AnswerId).ToListAsync(ct)];

    /// <summary>
    /// Scores a given answer against its key points and signals, once; the score becomes a grade of the question's
    /// flashcard, and the round is finished when this was its last answer to score.
    /// </summary>
    public async Task<bool> ScoreAsync(string userId, int roundId, int answerId, IReadOnlyList<int> hits, int keyPointCount, IReadOnlyList<int> signals, CancellationToken ct)
    {
        if (signals.Count != 4 || signals.Any(s => s is < 1 or > 4) || !await OwnsOpenRoundAsync(userId, roundId, ct))
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var scored = await writes.RunAsync(() => Answers(roundId)
            .Where(a => a.Id == answerId && a.SubmittedAtUtc != null && a.Mode != AnswerMode.Skipped && a.ScoredAtUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.KeyPointsHit, MockScoring.FormatHits(hits))
                .SetProperty(a => a.KeyPointCount, keyPointCount)
                .SetProperty(a => a.Signal1, signals[0])
                .SetProperty(a => a.Signal2, signals[1])
                .SetProperty(a => a.Signal3, signals[2])
                .SetProperty(a => a.Signal4, signals[3])
                .SetProperty(a => a.ScoredAtUtc, now), ct), ct) == 1;
        if (!scored)
        {
            return false;
        }
        var answer = await Answers(roundId).AsNoTracking().FirstAsync(a => a.Id == answerId, ct);
        // The grade is its own write (on SQLite a queue of its own), outside any unit of work here.
        var logId = await GradeAsync(userId, roundId, answer, MockScoring.GradeFor(MockScoring.Score(hits.Count, keyPointCount, signals)), ct);
        if (logId is { } id)
        {
            await writes.RunAsync(() => Answers(roundId).Where(a => a.Id == answerId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReviewLogId, id), ct), ct);
        }
        await FinishIfDoneAsync(userId, roundId, ct);
        return true;
    }

    /// <summary>Ends the round early: questions not yet answered are skipped; the rest can still be scored.</summary>
    public async Task EndAsync(string userId, int roundId, CancellationToken ct)
    {
        if (!await OwnsOpenRoundAsync(userId, roundId, ct))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await writes.RunAsync(() => Answers(roundId).Where(a => a.SubmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Mode, AnswerMode.Skipped).SetProperty(a => a.SubmittedAtUtc, now), ct), ct);
        await FinishIfDoneAsync(userId, roundId, ct);
    }

    /// <summary>The scored answer as a grade of the question's card, marked as coming from this round; the log entry's id.</summary>
    private async Task<long?> GradeAsync(string userId, int roundId, MockAnswer answer, Flashcards.Scheduling.Grade grade, CancellationToken ct)
    {
        var context = await library.ContextAsync(userId, ct);
        var duration = (int)Math.Min(answer.Took.TotalMilliseconds, int.MaxValue);
        var deck = Deck.Mock(roundId);
        var card = await library.CardOfQuestionAsync(userId, answer.QuestionId, ct);
        var change = card is null
            ? await library.GradeFirstAsync(context, answer.QuestionId, grade, duration, deck, ct)
            : await library.GradeAsync(context, card.Id, card.Version, grade, duration, deck, ct);
        return change is CardChange.Done or CardChange.BecameLeech ? library.LastLogged?.Id : null;
    }

    /// <summary>A round whose every answer is given and scored (or skipped) is finished and logged as practice, once.</summary>
    private async Task FinishIfDoneAsync(string userId, int roundId, CancellationToken ct)
    {
        var round = await FindAsync(userId, roundId, ct);
        if (round is null || round.FinishedAtUtc is not null || round.Answers.Any(a => a.SubmittedAtUtc is null || (!a.IsSkipped && a.ScoredAtUtc is null)))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await writes.RunAsync(async () =>
        {
            // Claimed by one UPDATE: of two requests finishing the round at once, one logs it; in one unit with the log.
            if (await db.MockRounds.Where(r => r.Id == roundId && r.FinishedAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAtUtc, now), ct) != 1)
            {
                return;
            }
            var answered = round.Answers.Where(a => !a.IsSkipped).ToList();
            if (answered.Count == 0)
            {
                return;
            }
            var zone = (await library.ContextAsync(userId, ct)).ZoneId;
            var bank = (await catalog.GetAsync(ct)).ById;
            var categoryIds = answered.Select(a => bank.GetValueOrDefault(a.QuestionId)?.CategoryId).OfType<int>().Distinct().ToList();
            var seconds = answered.Sum(a => a.Took.TotalSeconds);
            var average = answered.Average(Score);
            var notes = $"{MockKinds.Title(round.Kind)}: {answered.Count} of {round.Answers.Count} questions answered, an average score of {average:0} out of 100.";
            var session = new PracticeSession
            {
                UserId = userId,
                Date = FlashcardStats.LocalDay(round.StartedAtUtc, zone),
                DurationMinutes = Math.Clamp((int)Math.Ceiling(seconds / 60), 1, 720),
                Kind = PracticeKind.MockInterview,
                Categories = await db.Categories.Where(c => categoryIds.Contains(c.Id)).ToListAsync(ct),
                InterviewId = round.InterviewId,
                Rating = Math.Clamp(1 + (int)Math.Round(average / 25), 1, 5),
                NotesMarkdown = notes,
                NotesHtml = renderer.ToHtml(notes),
                CreatedAtUtc = now,
            };
            db.PracticeSessions.Add(session);
            await db.SaveChangesAsync(ct);
            await db.MockRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.PracticeSessionId, session.Id), ct);
        }, ct);
    }

    /// <summary>An answer's score out of 100; null until scored.</summary>
    public static int Score(MockAnswer answer) =>
        MockScoring.Score(MockScoring.ParseHits(answer.KeyPointsHit).Count, answer.KeyPointCount, Signals(answer));

    /// <summary>A round's score: the mean of its scored answers, out of 100; null while none is scored.</summary>
    public static int? Score(IEnumerable<MockAnswer> answers)
    {
        var scored = answers.Where(a => a.ScoredAtUtc is not null).ToList();
        return scored.Count == 0 ? null : (int)Math.Round(scored.Average(Score));
    }

    public static IReadOnlyList<int> Signals(MockAnswer answer) =>
        [answer.Signal1 ?? 1, answer.Signal2 ?? 1, answer.Signal3 ?? 1, answer.Signal4 ?? 1];

    /// <summary>Whether the round is the user's, finished or not: a cheap check before a write that may be refused.</summary>
    public Task<bool> OwnsAsync(string userId, int roundId, CancellationToken ct) =>
        db.MockRounds.OwnedBy(userId).AnyAsync(r => r.Id == roundId, ct);

    private Task<bool> OwnsOpenRoundAsync(string userId, int roundId, CancellationToken ct) =>
        db.MockRounds.OwnedBy(userId).AnyAsync(r => r.Id == roundId && r.FinishedAtUtc == null, ct);

    private IQueryable<MockAnswer> Answers(int roundId) => db.Set<MockAnswer>().Where(a => a.RoundId == roundId);

    private static string Trim(string? text) => (text ?? "").Length > MaxAnswerLength ? text![..MaxAnswerLength] : text ?? "";
}
