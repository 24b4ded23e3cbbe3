using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// How the studying goes: reviews per day, true retention, the 30-day forecast, cards by state, the questions
/// you probably know, recall per category (weakest first), readiness per interview, leeches and suspended cards.
/// </summary>
[Authorize]
public sealed class StatsModel(FlashcardLibrary library) : PageModel
{
    private static readonly int[] RetentionWindows = [7, 30, 365];

    public sealed record SuspendedRow(int CardId, string Title, bool IsLeech, int Lapses);

    public IReadOnlyList<DayCount> ReviewsPerDay { get; private set; } = [];
    public IReadOnlyList<DayCount> Forecast { get; private set; } = [];
    public IReadOnlyList<Retention> Retention { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label, int Count)> States { get; private set; } = [];
    public double KnownEstimate { get; private set; }
    public int Studied { get; private set; }
    public int Streak { get; private set; }
    public int ReviewsToday { get; private set; }
    public int TotalReviews { get; private set; }
    public IReadOnlyList<(string Label, double Value)> Categories { get; private set; } = [];
    public IReadOnlyList<(string Label, double Value)> Interviews { get; private set; } = [];
    public IReadOnlyList<SuspendedRow> Suspended { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var context = await library.ContextAsync(userId, ct);
        var material = await library.FullMaterialAsync(userId, ct);
        var since = context.NowUtc.AddDays(-366);
        var reviews = (await library.CountedLogs(userId).Where(l => l.ReviewedAtUtc >= since)
                .Select(l => new { l.ReviewedAtUtc, l.Grade, l.StateBefore }).ToListAsync(ct))
            .Select(l => new CountedReview(l.ReviewedAtUtc, l.Grade ?? Grade.Good, l.StateBefore)).ToList();
        TotalReviews = await library.CountedLogs(userId).CountAsync(ct);
        ReviewsToday = reviews.Count(r => r.AtUtc >= context.StartOfTodayUtc);
        ReviewsPerDay = FlashcardStats.ReviewsPerDay(reviews, context.ZoneId, context.Today);
        Retention = [.. RetentionWindows.Select(days => FlashcardStats.TrueRetention(reviews, context.NowUtc, days))];
        Streak = FlashcardStats.Streak(reviews, context.ZoneId, context.Today);

        var active = material.Cards.Where(c => !c.IsSuspended).ToList();
        Forecast = FlashcardStats.DueForecast(active.Select(c => (c.State, c.DueUtc)), context.ZoneId, context.Today);
        var all = material.QueueFor(Deck.All);
        States =
        [
            ("new", "New", all.Count(c => c.State == CardState.New && !c.IsSuspended)),
            ("learning", "Learning", all.Count(c => c.State == CardState.Learning && !c.IsSuspended)),
            ("review", "Review", all.Count(c => c.State == CardState.Review && !c.IsSuspended)),
            ("relearning", "Relearning", all.Count(c => c.State == CardState.Relearning && !c.IsSuspended)),
            ("suspended", "Suspended", all.Count(c => c.IsSuspended)),
        ];

        var now = new DateTimeOffset(context.NowUtc, TimeSpan.Zero);
        var recall = material.Cards.ToDictionary(c => c.Id, c => Recall(context.Scheduler, c, now));
        KnownEstimate = recall.Values.Sum();
        Studied = material.Cards.Count(c => c.State != CardState.New);
        double Mean(Deck deck) => FlashcardStats.Mean(material.QueueFor(deck).Select(q => q.FlashcardId is { } id ? recall[id] : 0).ToList());
        Categories = material.Bank.Where(q => !q.IsRetired).GroupBy(q => (q.CategorySlug, q.CategoryTitle))
            .Select(g => (g.Key.CategoryTitle, Mean(Deck.Category(g.Key.CategorySlug))))
            .OrderBy(r => r.Item2).ThenBy(r => r.CategoryTitle, StringComparer.Ordinal).ToList();
        Interviews = material.Interviews.Where(i => i.ScheduledAtUtc is null || i.ScheduledAtUtc >= context.NowUtc)
            .Select(i => ($"{i.Company}: {i.Role}", Mean(Deck.Interview(i.Id)))).ToList();

        Suspended = material.Cards.Where(c => c.IsSuspended)
            .Select(c => new SuspendedRow(c.Id, c.Front ?? material.BankById[c.QuestionId!.Value].Title, c.IsLeech, c.Lapses))
            .OrderByDescending(r => r.IsLeech).ThenByDescending(r => r.Lapses).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
    }

    public async Task<IActionResult> OnPostUnsuspendAsync(int cardId, CancellationToken ct)
    {
        var context = await library.ContextAsync(User.UserId(), ct);
        var change = await library.SetFlagsAsync(context, cardId, suspend: false, bury: false, ct);
        if (change == CardChange.NotFound)
        {
            return NotFound();
        }
        Message = "The card is back in your reviews.";
        return Redirect("/flashcards/stats#suspended");
    }

    /// <summary>The probability of recall now; 0 for a card never studied.</summary>
    private static double Recall(FsrsScheduler scheduler, Flashcard card, DateTimeOffset now) => scheduler.Retrievability(card.Memory, now);
}
