using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Interviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>The user's own cards, and the questions of their debriefs that are not cards yet.</summary>
[Authorize]
public sealed class CardsModel(AppDbContext db, DatabaseWrites writes, MarkdownRenderer renderer, TimeProvider time) : PageModel
{
    public sealed record CardRow(int Id, string Front, string Tags, CardState State, bool IsSuspended, DateTime DueUtc, string? Interview);

    public sealed record AskedRow(int Id, string Text, string Interview, string? QuestionSlug, string? QuestionTitle);

    public IReadOnlyList<CardRow> Cards { get; private set; } = [];
    public IReadOnlyList<AskedRow> Asked { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Cards = await db.Flashcards.AsNoTracking().OwnedBy(userId).Where(c => c.QuestionId == null && !c.IsDeleted)
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new CardRow(c.Id, c.Front!, c.Tags, c.State, c.IsSuspended, c.DueUtc,
                db.Set<AskedQuestion>().Where(a => a.Id == c.AskedQuestionId).Join(db.Interviews, a => a.InterviewId, i => i.Id, (a, i) => i.Company).FirstOrDefault()))
            .ToListAsync(ct);
        var made = db.Flashcards.OwnedBy(userId).Where(c => !c.IsDeleted && c.AskedQuestionId != null).Select(c => c.AskedQuestionId);
        var asked = await (
            from i in db.Interviews.OwnedBy(userId)
            join a in db.Set<AskedQuestion>() on i.Id equals a.InterviewId
            where !made.Contains(a.Id)
            orderby a.CreatedAtUtc descending
            select new { a.Id, a.Text, i.Company, a.QuestionId }).AsNoTracking().ToListAsync(ct);
        var questionIds = asked.Select(a => a.QuestionId).OfType<int>().ToList();
        var questions = await db.Questions.Where(q => questionIds.Contains(q.Id) && !q.IsRetired).ToDictionaryAsync(q => q.Id, q => (q.Slug, q.Title), ct);
        Asked = asked.Select(a => a.QuestionId is { } id && questions.TryGetValue(id, out var q)
            ? new AskedRow(a.Id, a.Text, a.Company, q.Slug, q.Title)
            : new AskedRow(a.Id, a.Text, a.Company, null, null)).ToList();
    }

    /// <summary>Turns a question from a debrief into a card: its text on the front, a link to the matching bank question on the back.</summary>
    public async Task<IActionResult> OnPostFromAskedAsync(int askedId, CancellationToken ct)
    {
        var userId = User.UserId();
        var asked = await (
            from i in db.Interviews.OwnedBy(userId)
            join a in db.Set<AskedQuestion>() on i.Id equals a.InterviewId
            where a.Id == askedId
            select new { a.Id, a.Text, a.QuestionId }).FirstOrDefaultAsync(ct);
        if (asked is null)
        {
            return NotFound();
        }
        if (await db.Flashcards.OwnedBy(userId).AnyAsync(c => c.AskedQuestionId == askedId && !c.IsDeleted, ct))
        {
            Message = "That question is already a card.";
            return RedirectToPage();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var question = await db.Questions.Where(q => q.Id == asked.QuestionId && !q.IsRetired).Select(q => new { q.Slug, q.Title }).FirstOrDefaultAsync(ct);
        var back = question is null ? "" : $"Study the bank's answer: [{question.Title}](/questions/{question.Slug})";
        var card = new Flashcard
        {
            UserId = userId,
            Front = asked.Text.Length > Flashcard.FrontMaxLength ? asked.Text[..Flashcard.FrontMaxLength] : asked.Text,
            BackMarkdown = back,
            BackHtml = renderer.ToHtml(back),
            AskedQuestionId = asked.Id,
            CreatedAtUtc = now,
        };
        card.Apply(CardMemory.New(new DateTimeOffset(now, TimeSpan.Zero)));
        db.Flashcards.Add(card);
        await writes.SaveAsync(ct);
        Message = "Card made. Write your answer on its back.";
        return Redirect($"/flashcards/cards/{card.Id}/edit");
    }

    /// <summary>Deletes an own card from view; its review history stays in the log.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int cardId, CancellationToken ct)
    {
        var changed = await writes.RunAsync(() => db.Flashcards.OwnedBy(User.UserId()).Where(c => c.Id == cardId && c.QuestionId == null && !c.IsDeleted)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsDeleted, true).SetProperty(c => c.Version, c => c.Version + 1), ct), ct);
        if (changed == 0)
        {
            return NotFound();
        }
        Message = "The card was deleted.";
        return RedirectToPage();
    }
}
