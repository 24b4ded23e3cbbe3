using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>The decks with their new, learning and due counts; an interview in the next 7 days puts its deck first.</summary>
[Authorize]
public sealed class IndexModel(FlashcardLibrary library) : PageModel
{
    public sealed record DeckRow(Deck Deck, string Title, string? Note, int New, int Learning, int Due, int Total);

    public IReadOnlyList<DeckRow> Soon { get; private set; } = [];
    public IReadOnlyList<DeckRow> Main { get; private set; } = [];
    public IReadOnlyList<DeckRow> Interviews { get; private set; } = [];
    public IReadOnlyList<DeckRow> Categories { get; private set; } = [];
    public IReadOnlyList<DeckRow> Tags { get; private set; } = [];
    public int OwnCount { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var context = await library.ContextAsync(userId, ct);
        await library.LogFinishedSessionsAsync(context, finishing: false, ct);
        var material = await library.MaterialAsync(userId, ct);
        var limits = await library.LimitsAsync(context, ct);
        DeckRow Row(Deck deck, string? note = null)
        {
            var cards = material.Summary(deck);
            var counts = ReviewOrder.Next(cards, limits, context.NowUtc, FlashcardLibrary.ReviewCutoff(context, material, deck));
            return new DeckRow(deck, DeckNames.Title(deck, material), note, counts.NewCount, counts.LearningCount, counts.DueCount, cards.Count);
        }

        var soon = context.NowUtc.AddDays(7);
        var interviewRows = material.Interviews
            .Select(i => (i, Row(Deck.Interview(i.Id), i.ScheduledAtUtc is { } at ? $"Interview {Countdown.Describe(at, new DateTimeOffset(context.NowUtc, TimeSpan.Zero))}" : "Not scheduled yet")))
            .ToList();
        Soon = interviewRows.Where(x => x.i.ScheduledAtUtc is { } at && at >= context.NowUtc && at <= soon).Select(x => x.Item2).ToList();
        Interviews = interviewRows.Where(x => !Soon.Contains(x.Item2) && !(x.i.ScheduledAtUtc < context.NowUtc)).Select(x => x.Item2).ToList();
        OwnCount = material.Heads.Count(c => c.IsOwn);
        Main = [Row(Deck.All), Row(Deck.Own)];
        Categories = material.Bank.Where(q => !q.IsRetired).GroupBy(q => (q.CategorySlug, q.CategoryOrder))
            .OrderBy(g => g.Key.CategoryOrder).Select(g => Row(Deck.Category(g.Key.CategorySlug))).ToList();
        Tags = material.Bank.Where(q => !q.IsRetired).SelectMany(q => q.Tags)
            .Concat(material.Heads.SelectMany(c => c.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => Row(Deck.Tag(t))).ToList();
    }
}
