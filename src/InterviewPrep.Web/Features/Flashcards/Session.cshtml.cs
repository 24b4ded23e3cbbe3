using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// The summary of the study session just finished (the last run of grades without a 30-minute gap): how many cards,
/// how long, how they were graded, what is due tomorrow and which cards to look at again.
/// </summary>
public sealed class SessionModel(AppDbContext db, FlashcardLibrary library, BankCatalog catalog) : PageModel
{
    public sealed record WeakCard(string Title, string? Slug, Grade Grade);

    private sealed record Graded(int CardId, SessionReview Review);

    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }
    public int Cards { get; private set; }
    public int Minutes { get; private set; }
    public IReadOnlyDictionary<Grade, int> Grades { get; private set; } = new Dictionary<Grade, int>();
    public int DueTomorrow { get; private set; }
    public IReadOnlyList<WeakCard> Weakest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var context = await library.ContextAsync(userId, ct);
        // The counted grades of the last day, flashcard study only (a mock round is its own session).
        var since = context.NowUtc.AddDays(-1);
        var reviews = await library.CountedLogs(userId)
            .Where(l => l.ReviewedAtUtc > since && !l.Deck.StartsWith(Deck.MockPrefix))
            .Select(l => new Graded(l.FlashcardId, new SessionReview(l.ReviewedAtUtc, l.DurationMs, l.Grade ?? Grade.Good, l.Deck, null)))
            .ToListAsync(ct);
        var sessions = StudySessions.Split(reviews, r => r.Review.AtUtc, FlashcardLibrary.SessionIdle);
        var session = sessions.Count > 0 ? sessions[^1] : [];
        var tomorrowEnds = FlashcardStats.StartOfNextDayUtc(context.Today.AddDays(1), context.ZoneId);
        DueTomorrow = await db.Flashcards.OwnedBy(userId).CountAsync(c => !c.IsDeleted && !c.IsSuspended && c.DueUtc < tomorrowEnds, ct);
        if (session.Count == 0)
        {
            return;
        }
        Cards = session.Select(r => r.CardId).Distinct().Count();
        Minutes = StudySessions.Summarize([.. session.Select(r => r.Review)]).Minutes;
        Grades = Enum.GetValues<Grade>().ToDictionary(g => g, g => session.Count(r => r.Review.Grade == g));

        // The cards graded Again or Hard, the worst grade of each first.
        var weak = session.Where(r => r.Review.Grade is Grade.Again or Grade.Hard)
            .GroupBy(r => r.CardId).Select(g => (CardId: g.Key, Grade: g.Min(r => r.Review.Grade))).OrderBy(x => x.Grade).Take(10).ToList();
        var ids = weak.Select(w => w.CardId).ToList();
        var cards = await db.Flashcards.AsNoTracking().OwnedBy(userId).Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.QuestionId, c.Front }).ToDictionaryAsync(c => c.Id, ct);
        var bank = (await catalog.GetAsync(ct)).ById;
        Weakest = [.. weak.Where(w => cards.ContainsKey(w.CardId)).Select(w =>
        {
            var card = cards[w.CardId];
            var question = card.QuestionId is { } q ? bank.GetValueOrDefault(q) : null;
            return new WeakCard(question?.Title ?? card.Front ?? "A card", question is { IsRetired: false } ? question.Slug : null, w.Grade);
        })];
    }
}
