using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>
/// An interview's mock rounds on its page: their scores over time, its readiness (the prep deck's recall together with
/// the latest rounds' scores) and a round to start. Invoked by name, so the interview page needs no type of this feature.
/// </summary>
public sealed class InterviewRoundsViewComponent(AppDbContext db, FlashcardLibrary library) : ViewComponent
{
    /// <summary>How many of the latest scored rounds the readiness counts.</summary>
    public const int RecentRounds = 3;

    public sealed record RoundRow(int Id, DateTime StartedAtUtc, int? Score, bool IsFinished);

    public sealed record Summary(int InterviewId, IReadOnlyList<RoundRow> Rounds, IReadOnlyList<(string Label, int Score)> Trend,
        double Recall, int? MockScore, int Readiness, bool HasDeck);

    public async Task<IViewComponentResult> InvokeAsync(int interviewId)
    {
        var userId = UserClaimsPrincipal.UserId();
        var ct = HttpContext.RequestAborted;
        var context = await library.ContextAsync(userId, ct);
        var rounds = (await db.MockRounds.AsNoTracking().OwnedBy(userId).Where(r => r.InterviewId == interviewId)
                .OrderBy(r => r.StartedAtUtc).Include(r => r.Answers).ToListAsync(ct))
            .Select(r => new RoundRow(r.Id, r.StartedAtUtc, MockRounds.Score(r.Answers), r.FinishedAtUtc is not null)).ToList();
        var trend = rounds.Where(r => r is { IsFinished: true, Score: not null })
            .Select(r => (FlashcardStats.LocalDay(r.StartedAtUtc, context.ZoneId).ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture), r.Score!.Value))
            .ToList();

        var material = await library.FullMaterialAsync(userId, ct);
        var deck = Deck.Interview(interviewId);
        var hasDeck = material.Interviews.Any(i => i.Id == interviewId);
        var now = new DateTimeOffset(context.NowUtc, TimeSpan.Zero);
        var cards = material.Cards.ToDictionary(c => c.Id);
        var recall = hasDeck
            ? FlashcardStats.Mean(material.QueueFor(deck)
                .Select(q => q.FlashcardId is { } id && cards.TryGetValue(id, out var card) ? context.Scheduler.Retrievability(card.Memory, now) : 0)
                .ToList())
            : 0;
        var recent = trend.TakeLast(RecentRounds).Select(t => t.Item2).ToList();
        int? mock = recent.Count == 0 ? null : (int)Math.Round(recent.Average());
        return View("/Features/Mock/_InterviewRounds.cshtml",
            new Summary(interviewId, rounds, trend, recall, mock, Readiness(hasDeck ? recall : null, mock), hasDeck));
    }

    /// <summary>
    /// How ready the candidate is, 0 to 100: the prep deck's mean recall and the latest mock rounds' mean score, each half
    /// when there are both, or whichever there is.
    /// </summary>
    public static int Readiness(double? recall, int? mockScore) => (recall, mockScore) switch
    {
        ({ } r, { } m) => (int)Math.Round(((r * 100) + m) / 2),
        ({ } r, null) => (int)Math.Round(r * 100),
        (null, { } m) => m,
        _ => 0,
    };
}
