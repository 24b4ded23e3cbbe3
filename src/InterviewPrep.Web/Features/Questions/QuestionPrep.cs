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
        return new PrepPanel(StateOf(card, context), card is not null, card?.IsSuspended == true, upcoming, past, note?.Markdown ?? "", note?.Html ?? "");
    }

    /// <summary>The card's state in words: new, learning, due, due in some days, suspended.</summary>
    private static string StateOf(Flashcard? card, StudyContext context)
    {
        if (card is null || card.State == CardState.New && card.Reps == 0)
        {
            return card?.IsSuspended == true ? "Suspended, not studied yet" : "New: not studied yet";
        }
        if (card.IsSuspended)
        {
            return "Suspended";
        }
        if (card.State is CardState.Learning or CardState.Relearning)
        {
            return card.DueUtc <= context.NowUtc ? "Learning, due now" : $"Learning, due in {IntervalLabel.Format(card.DueUtc - context.NowUtc)}";
        }
        var days = FlashcardStats.LocalDay(card.DueUtc, context.ZoneId).DayNumber - context.Today.DayNumber;
        return days switch
        {
            <= 0 => "Due today",
            1 => "Due tomorrow",
            _ => string.Create(CultureInfo.InvariantCulture, $"Due in {days} days"),
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
