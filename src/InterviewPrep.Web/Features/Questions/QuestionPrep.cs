using System.Globalization;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Interviews;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>Where a question stands in a signed-in user's prep: their card of it, their interviews, their note.</summary>
public sealed record PrepPanel(
    string CardState, bool HasCard, bool IsSuspended, IReadOnlyList<PrepInterview> Upcoming, IReadOnlyList<PrepInterview> Past,
    string NoteMarkdown, string NoteHtml);

/// <summary>An interview offered on a question page: for its checklist (upcoming) or its debrief (past).</summary>
public sealed record PrepInterview(int Id, string Label);

/// <summary>Where a user's card of a question stands, as the question list filters by it.</summary>
public enum Standing
{
    NotStudied,
    Learning,
    Due,
    Scheduled,
    Suspended,
}

/// <summary>The part of a card its standing depends on.</summary>
public sealed record CardGlance(int QuestionId, CardState State, int Reps, DateTime DueUtc, bool IsSuspended);

/// <summary>A user's standing and its words for each question they have a card of; any other is not studied yet.</summary>
public sealed class Standings(IReadOnlyDictionary<int, (Standing Standing, string Words)> byQuestion)
{
    /// <summary>The values of the list's filter, with their labels.</summary>
    public static IReadOnlyList<(string Value, string Label, Standing Standing)> Choices { get; } =
    [
        ("not-studied", "Not studied yet", Standing.NotStudied),
        ("due", "Due today", Standing.Due),
        ("learning", "Learning", Standing.Learning),
        ("scheduled", "Studied, not due yet", Standing.Scheduled),
        ("suspended", "Suspended", Standing.Suspended),
    ];

    public Standing Of(int questionId) => byQuestion.TryGetValue(questionId, out var s) ? s.Standing : Standing.NotStudied;

    /// <summary>The words for a question the user has studied or suspended; null for one not studied yet (the list marks only those).</summary>
    public string? WordsOf(int questionId) => byQuestion.TryGetValue(questionId, out var s) && s.Standing != Standing.NotStudied ? s.Words : null;
}

/// <summary>
/// What a signed-in user does with a question of the bank from its page: study or suspend its card, put it on an
/// interview's checklist, note that an interview asked it, and keep a private note on it.
/// </summary>
public sealed class QuestionPrep(AppDbContext db, DatabaseWrites writes, FlashcardLibrary cards, MarkdownRenderer renderer, TimeProvider time)
{
    private static readonly InterviewStage[] Over = [InterviewStage.Offer, InterviewStage.Rejected, InterviewStage.Withdrawn];

    public async Task<PrepPanel> PanelAsync(string userId, int questionId, CancellationToken ct)
    {
        var context = await cards.ContextAsync(userId, ct);
        var card = await cards.CardOfQuestionAsync(userId, questionId, ct);
        var interviews = await db.Interviews.AsNoTracking().OwnedBy(userId)
            .Select(i => new { i.Id, i.Company, i.Role, i.Stage, i.ScheduledAtUtc, i.TimeZoneId })
            .ToListAsync(ct);
        var now = context.NowUtc;
        string Label(DateTime? at, string zone, string company, string role) => at is { } utc
            ? string.Create(CultureInfo.InvariantCulture, $"{company}, {role} ({TimeZoneInfo.ConvertTimeFromUtc(utc, Zone(zone)):d MMM yyyy})")
            : $"{company}, {role} (no date yet)";
        var upcoming = interviews.Where(i => !Over.Contains(i.Stage) && (i.ScheduledAtUtc is null || i.ScheduledAtUtc >= now.AddDays(-1)))
            .OrderBy(i => i.ScheduledAtUtc ?? DateTime.MaxValue).ThenBy(i => i.Id)
            .Select(i => new PrepInterview(i.Id, Label(i.ScheduledAtUtc, i.TimeZoneId, i.Company, i.Role))).ToList();
        var past = interviews.Where(i => i.ScheduledAtUtc <= now.AddHours(12))
            .OrderByDescending(i => i.ScheduledAtUtc).ThenByDescending(i => i.Id)
            .Select(i => new PrepInterview(i.Id, Label(i.ScheduledAtUtc, i.TimeZoneId, i.Company, i.Role))).ToList();
        var note = await db.Set<QuestionNote>().AsNoTracking().OwnedBy(userId).FirstOrDefaultAsync(n => n.QuestionId == questionId, ct);
        var glance = card is null ? null : new CardGlance(questionId, card.State, card.Reps, card.DueUtc, card.IsSuspended);
        var words = glance is null ? "New: not studied yet" : StandingOf(glance, context).Words;
        return new PrepPanel(words, card is not null, card?.IsSuspended == true, upcoming, past, note?.Markdown ?? "", note?.Html ?? "");
    }

    /// <summary>The standing of each bank question the user has a card of, in one read of their cards.</summary>
    public async Task<Standings> StandingsAsync(string userId, CancellationToken ct)
    {
        var context = await cards.ContextAsync(userId, ct);
        var glances = await db.Flashcards.AsNoTracking().OwnedBy(userId).Where(c => c.QuestionId != null && !c.IsDeleted)
            .Select(c => new CardGlance(c.QuestionId!.Value, c.State, c.Reps, c.DueUtc, c.IsSuspended))
            .ToListAsync(ct);
        return new Standings(glances.ToDictionary(g => g.QuestionId, g => StandingOf(g, context)));
    }

    /// <summary>A card's standing and its words: not studied yet, learning, due, due in some days, suspended.</summary>
    private static (Standing Standing, string Words) StandingOf(CardGlance card, StudyContext context)
    {
        var studied = card.State != CardState.New || card.Reps > 0;
        if (card.IsSuspended)
        {
            return (Standing.Suspended, studied ? "Suspended" : "Suspended, not studied yet");
        }
        if (!studied)
        {
            return (Standing.NotStudied, "New: not studied yet");
        }
        if (card.State is CardState.Learning or CardState.Relearning)
        {
            return (Standing.Learning, card.DueUtc <= context.NowUtc ? "Learning, due now" : $"Learning, due in {IntervalLabel.Format(card.DueUtc - context.NowUtc)}");
        }
        var days = FlashcardStats.LocalDay(card.DueUtc, context.ZoneId).DayNumber - context.Today.DayNumber;
        return days switch
        {
            <= 0 => (Standing.Due, "Due today"),
            1 => (Standing.Scheduled, "Due tomorrow"),
            _ => (Standing.Scheduled, string.Create(CultureInfo.InvariantCulture, $"Due in {days} days")),
        };
    }

    /// <summary>Suspends the card of the question (made now if the user has none) or, when it is suspended, unsuspends it.</summary>
    public async Task<string> ToggleSuspendAsync(string userId, int questionId, CancellationToken ct)
    {
        var card = await cards.CardOfQuestionAsync(userId, questionId, ct) ?? await cards.CardForQuestionAsync(userId, questionId, ct);
        var suspend = !card.IsSuspended;
        await cards.SetFlagsAsync(await cards.ContextAsync(userId, ct), card.Id, suspend, bury: false, ct);
        return suspend ? "Suspended: it stays out of your reviews until you unsuspend it." : "Unsuspended: it is back in your reviews.";
    }

    /// <summary>Puts the question on an interview's checklist; null when the interview is not the user's.</summary>
    public async Task<string?> AddToChecklistAsync(string userId, int interviewId, BankQuestion question, CancellationToken ct)
    {
        var interview = await db.Interviews.OwnedBy(userId).Include(i => i.Checklist).FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
        {
            return null;
        }
        if (interview.Checklist.Any(i => i.QuestionId == question.Id))
        {
            return $"It is already on the checklist for {interview.Company}.";
        }
        interview.Checklist.Add(new PrepItem { Kind = PrepItemKind.Question, QuestionId = question.Id, Text = question.Title, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        await writes.SaveAsync(ct);
        return $"Added to the checklist for {interview.Company}.";
    }

    /// <summary>Notes in an interview's debrief that it asked the question; null when the interview is not the user's.</summary>
    public async Task<string?> AddAskedAsync(string userId, int interviewId, BankQuestion question, CancellationToken ct)
    {
        var interview = await db.Interviews.OwnedBy(userId).Include(i => i.AskedQuestions).FirstOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null)
        {
            return null;
        }
        if (interview.AskedQuestions.Any(a => a.QuestionId == question.Id))
        {
            return $"It is already in the debrief for {interview.Company}.";
        }
        interview.AskedQuestions.Add(new AskedQuestion { Text = question.Title, QuestionId = question.Id, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        await writes.SaveAsync(ct);
        return $"Added to the debrief for {interview.Company}: you were asked this.";
    }

    /// <summary>Saves the user's note on the question; an empty note deletes it.</summary>
    public async Task<string> SaveNoteAsync(string userId, int questionId, string? markdown, CancellationToken ct)
    {
        var text = markdown?.Trim() ?? "";
        var note = await db.Set<QuestionNote>().OwnedBy(userId).FirstOrDefaultAsync(n => n.QuestionId == questionId, ct);
        if (text.Length == 0)
        {
            if (note is not null)
            {
                db.Remove(note);
                await writes.SaveAsync(ct);
            }
            return "Your note is deleted.";
        }
        if (note is null)
        {
            note = new QuestionNote { UserId = userId, QuestionId = questionId };
            db.Add(note);
        }
        (note.Markdown, note.Html, note.UpdatedAtUtc) = (text, renderer.ToHtml(text), time.GetUtcNow().UtcDateTime);
        try
        {
            await writes.SaveAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            // Another tab saved a first note at the same moment: this text goes over it, as a second save would.
            db.ChangeTracker.Clear();
            return await SaveNoteAsync(userId, questionId, text, ct);
        }
        return "Your note is saved.";
    }

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
