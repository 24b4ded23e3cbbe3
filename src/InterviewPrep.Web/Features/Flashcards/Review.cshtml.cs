using System.Globalization;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// Reviews a deck one card per request: the question, then (on "Show answer") the answer sections and four
/// grade buttons labelled with their next intervals. Works as plain forms and links; flashcards.js posts the
/// same forms with fetch and gets back only the card (the <c>_ReviewCard</c> fragment). In cram mode
/// (<c>cram=1</c>) it walks the deck without touching the schedule or the log.
/// </summary>
[Authorize]
public sealed class ReviewModel(FlashcardLibrary library, IStudyReads reads) : PageModel
{
    /// <summary>The header flashcards.js sends to get the card fragment instead of a whole page.</summary>
    public const string FragmentHeader = "X-Flashcards-Fragment";

    public sealed record Section(string Id, string Heading, string Html, string Class);

    /// <summary>The card on screen. A bank question never graded has no card yet (<see cref="CardId"/> null): its card is
    /// made by its first grade. The back shows <see cref="Sections"/>, then <see cref="FullAnswer"/> folded.</summary>
    public sealed record ShownCard(
        int? CardId, int? QuestionId, int Version, string Front, bool IsOwn, string? QuestionSlug, string? Category, Difficulty? Difficulty,
        IReadOnlyList<Section> Sections, IReadOnlyList<Section> FullAnswer, string? FollowUpsHtml, IReadOnlyList<string> Tags, CardState State,
        bool IsRetired);

    [BindProperty(SupportsGet = true, Name = "deck")] public string? DeckValue { get; set; }
    [BindProperty(SupportsGet = true)] public int? Card { get; set; }

    /// <summary>A bank question with no card yet, as the no-script "Show answer" link names it.</summary>
    [BindProperty(SupportsGet = true)] public int? Question { get; set; }
    [BindProperty(SupportsGet = true, Name = "reveal")] public string? RevealValue { get; set; }
    [BindProperty(SupportsGet = true, Name = "cram")] public string? CramValue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Order { get; set; }
    [BindProperty(SupportsGet = true)] public int? Seed { get; set; }
    [BindProperty(SupportsGet = true)] public int At { get; set; }
    [BindProperty(SupportsGet = true, Name = "shown")] public long? ShownQuery { get; set; }

    /// <summary>A message carried over a redirect (post, redirect, get).</summary>
    [TempData] public string? Message { get; set; }

    /// <summary>The message shown above the card: from this request, or carried over a redirect.</summary>
    public string? Notice { get; private set; }

    public Deck Deck { get; private set; } = Deck.All;
    public string DeckTitle { get; private set; } = "";
    public ShownCard? Shown { get; private set; }
    public IReadOnlyDictionary<Grade, string> IntervalLabels { get; private set; } = new Dictionary<Grade, string>();
    public QueueResult? Counts { get; private set; }
    public long? UndoLogId { get; private set; }
    public long ShownAtMs { get; private set; }
    public DateTime? NextDueLocal { get; private set; }
    public int CramCount { get; private set; }
    public bool IsError { get; private set; }

    public bool Shuffled => Order == "shuffled";
    public bool Reveal => RevealValue is "1" or "true";
    public bool Cram => CramValue is "1" or "true";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostGradeAsync(int? cardId, int? questionId, int version, int grade, int? durationMs, long? shownAt, CancellationToken ct)
    {
        if (Deck.Parse(DeckValue) is not { } deck)
        {
            return NotFound();
        }
        var context = await StudyContextAsync(ct);
        if (grade is < 1 or > 4)
        {
            // Refused: nothing is recorded and the same card is shown again, answer up.
            Notice = "A grade is 1 (Again) to 4 (Easy); nothing was recorded. Choose one of the four buttons.";
            (Card, Question, RevealValue, IsError) = (cardId, cardId is null ? questionId : null, "1", true);
            var page = await ShowAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var duration = durationMs is { } ms and >= 0 and <= 3_600_000
            ? ms
            : (int)Math.Clamp(new DateTimeOffset(context.NowUtc).ToUnixTimeMilliseconds() - (shownAt ?? 0), 0, 3_600_000);
        var change = cardId is null && questionId is { } first
            ? await library.GradeFirstAsync(context, first, (Grade)grade, duration, deck, ct)
            : await library.GradeAsync(context, cardId ?? 0, version, (Grade)grade, duration, deck, ct);
        Notice = change switch
        {
            CardChange.NotFound => null,
            CardChange.Stale => "That card was already graded (a double click, or another tab), so it was recorded once.",
            CardChange.BecameLeech => "That card is a leech: you have forgotten it 8 times. It is suspended; rework it, then unsuspend it on the stats page.",
            _ => null,
        };
        return change == CardChange.NotFound ? NotFound() : await NextAsync(null, ct);
    }

    public async Task<IActionResult> OnPostUndoAsync(long? logId, CancellationToken ct)
    {
        var context = await StudyContextAsync(ct);
        var (change, cardId) = await library.UndoAsync(context, logId, ct);
        Notice = change == CardChange.Done ? "Undone: the card is back exactly as it was." : "There is nothing to undo.";
        return await NextAsync(cardId, ct);
    }

    public Task<IActionResult> OnPostSuspendAsync(int? cardId, int? questionId, CancellationToken ct) =>
        ChangeAsync(cardId, questionId, (context, id) => library.SetFlagsAsync(context, id, suspend: true, bury: false, ct), "Suspended: it will not come up until you unsuspend it on the stats page.", ct);

    public Task<IActionResult> OnPostBuryAsync(int? cardId, int? questionId, CancellationToken ct) =>
        ChangeAsync(cardId, questionId, (context, id) => library.SetFlagsAsync(context, id, suspend: null, bury: true, ct), "Buried until tomorrow.", ct);

    public Task<IActionResult> OnPostResetAsync(int cardId, CancellationToken ct) =>
        ChangeAsync(cardId, null, (context, id) => library.ResetAsync(context, id, ct), "Progress reset: the card is new again (its history is kept).", ct);

    public async Task<IActionResult> OnPostFinishAsync(CancellationToken ct)
    {
        var context = await StudyContextAsync(ct);
        var logged = await library.LogFinishedSessionsAsync(context, finishing: true, ct);
        TempData["Message"] = logged > 0 ? "Session saved in your practice log." : "Nothing new to log: no card was graded since the last session.";
        return Redirect("/flashcards/session");
    }

    /// <summary>Changes the card a form names; a bank question with no card yet gets one first (to bury or suspend it).</summary>
    private async Task<IActionResult> ChangeAsync(int? cardId, int? questionId, Func<StudyContext, int, Task<CardChange>> change, string done, CancellationToken ct)
    {
        var context = await StudyContextAsync(ct);
        if (cardId is null && questionId is { } question && await library.InBankAsync(question, ct))
        {
            cardId = (await library.CardForQuestionAsync(context.UserId, question, ct)).Id;
        }
        if (cardId is null)
        {
            return NotFound();
        }
        var result = await change(context, cardId.Value);
        if (result == CardChange.NotFound)
        {
            return NotFound();
        }
        Notice = result == CardChange.Done ? done : "That card changed in another tab; nothing was done.";
        return await NextAsync(null, ct);
    }

    /// <summary>After a post: the next card. A fetch gets the fragment; a browser without JavaScript is redirected (post, redirect, get).</summary>
    private async Task<IActionResult> NextAsync(int? cardId, CancellationToken ct)
    {
        if (IsFragmentRequest)
        {
            ModelState.Clear();
            (Card, RevealValue, CramValue) = (cardId, null, null);
            return await ShowAsync(ct);
        }
        Message = Notice;
        var url = $"/flashcards/review?deck={Uri.EscapeDataString(DeckValue ?? "all")}";
        return Redirect(cardId is { } id ? string.Create(CultureInfo.InvariantCulture, $"{url}&card={id}") : url);
    }

    private StudyContext? _context;

    /// <summary>The user's clock, zone and settings, read once per request (a grade and the next card share it).</summary>
    private async Task<StudyContext> StudyContextAsync(CancellationToken ct) => _context ??= await library.ContextAsync(User.UserId(), ct);

    private bool IsFragmentRequest => Request.Headers.ContainsKey(FragmentHeader);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Deck.Parse(DeckValue) is not { } deck)
        {
            return NotFound();
        }
        var userId = User.UserId();
        var context = await StudyContextAsync(ct);
        var material = await library.MaterialAsync(userId, deck, ct);
        if (!DeckNames.Exists(deck, material))
        {
            return NotFound();
        }
        (Deck, DeckTitle) = (deck, DeckNames.Title(deck, material));
        Notice ??= Message;
        // The question was shown when the card was first put up, not when its answer was revealed.
        var nowMs = new DateTimeOffset(context.NowUtc).ToUnixTimeMilliseconds();
        ShownAtMs = ShownQuery is { } shown && shown <= nowMs && shown > nowMs - 3_600_000 ? shown : nowMs;
        if (Cram)
        {
            await ShowCramAsync(material, ct);
        }
        else if (!await ShowReviewAsync(context, material, ct))
        {
            return NotFound();
        }
        return IsFragmentRequest ? Partial("_ReviewCard", this) : Page();
    }

    private async Task<bool> ShowReviewAsync(StudyContext context, StudyMaterial material, CancellationToken ct)
    {
        var limits = await library.LimitsAsync(context, ct);
        Counts = ReviewOrder.Next(material.Summary(Deck), limits, context.NowUtc, FlashcardLibrary.ReviewCutoff(context, material, Deck));
        Flashcard? card = null;
        int? fresh = null; // a bank question with no card yet: shown as a new card, and its card made by its first grade
        if (Card is { } requested)
        {
            card = await library.CardAsync(context.UserId, requested, ct);
            if (card is null)
            {
                return false;
            }
        }
        else if (Question is { } asked)
        {
            // Graded in another tab since the link was made, it has a card now: show that.
            card = await library.CardOfQuestionAsync(context.UserId, asked, ct);
            if (card is null && !await library.InBankAsync(asked, ct))
            {
                return false;
            }
            fresh = card is null ? asked : null;
        }
        else if (Counts.Next is { FlashcardId: { } id })
        {
            card = await library.CardAsync(context.UserId, id, ct);
            if (card is null)
            {
                // Deleted in another tab since the deck was read: pick again from the deck as it is now.
                return await ShowReviewAsync(context, await library.MaterialAsync(context.UserId, Deck, ct), ct);
            }
        }
        else if (Counts.Next is { } next)
        {
            fresh = next.QuestionId;
        }
        else
        {
            NextDueLocal = Counts.NextDueUtc is { } due ? TimeZones.ToLocal(due, context.ZoneId) : null;
        }
        // Right after a grade its review is the one to undo; otherwise ask the log.
        UndoLogId = library.LastLogged is { Kind: ReviewKind.Review } graded ? graded.Id : (await library.UndoableAsync(context.UserId, ct))?.Id;
        if (card is null && fresh is null)
        {
            return true;
        }
        Shown = await DescribeAsync(material, card is null ? fresh : card.QuestionId, card, ct);
        var now = new DateTimeOffset(context.NowUtc, TimeSpan.Zero);
        var memory = card?.Memory ?? CardMemory.New(now);
        if (memory.LastReview is { } last && last > now)
        {
            now = last;
        }
        IntervalLabels = context.Scheduler.Preview(memory, now).ToDictionary(p => p.Key, p => IntervalLabel.Format(p.Value.Due - now));
        return true;
    }

    private async Task ShowCramAsync(StudyMaterial material, CancellationToken ct)
    {
        var items = material.QueueFor(Deck).ToList();
        if (Shuffled)
        {
            Seed ??= Random.Shared.Next(1, 1_000_000);
            // A seeded shuffle: the same link always gives the same order, so Next and Previous agree.
            new Random(Seed.Value).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
        }
        CramCount = items.Count;
        At = Math.Clamp(At, 0, Math.Max(0, items.Count));
        if (At < items.Count)
        {
            var item = items[At];
            var card = item.FlashcardId is { } id ? await library.CardAsync(User.UserId(), id, ct) : null;
            // An own card deleted in another tab since the deck was read has nothing left to show.
            Shown = card is null && item.QuestionId is null ? null : await DescribeAsync(material, item.QuestionId, card, ct);
        }
    }

    private async Task<ShownCard> DescribeAsync(StudyMaterial material, int? questionId, Flashcard? card, CancellationToken ct)
    {
        if (questionId is { } qid)
        {
            // Read even when the question is retired: its card and history outlive the file. The tags come from the
            // bank in memory: inside this projection SQLite materialized the whole tag join, most of the page's time.
            var q = await reads.ShownQuestionOfAsync(qid, ct) ?? throw new InvalidOperationException($"Question {qid} has no row.");
            IReadOnlyList<string> tags = material.BankById.TryGetValue(qid, out var bank) ? [.. bank.Tags.Order(StringComparer.Ordinal)] : [];
            // What can be checked against in a few seconds first (the spoken answer and what it must contain); the model
            // answer, the length of an article, folded behind it.
            Section[] first = q.KeyPointsHtml.Length > 0
                ? [new("example-answer", "Example answer", q.ExampleAnswerHtml, "prose-example"), new("key-points", "Key points", q.KeyPointsHtml, "prose-keypoints")]
                : [new("example-answer", "Example answer", q.ExampleAnswerHtml, "prose-example")];
            return new ShownCard(card?.Id, qid, card?.Version ?? 0, q.Title, false, q.IsRetired ? null : q.Slug, q.Category, q.Difficulty,
                first,
                [
                    new("answer", "Answer", q.AnswerHtml, ""),
                    new("how-to-answer", "How to answer it", q.HowToAnswerHtml, "prose-coaching"),
                ],
                string.IsNullOrWhiteSpace(q.FollowUpsHtml) ? null : q.FollowUpsHtml, tags, card?.State ?? CardState.New, q.IsRetired);
        }
        var own = card!;
        return new ShownCard(own.Id, null, own.Version, own.Front!, true, null, null, null,
            [new("answer", "Answer", own.BackHtml, "")], [], null, own.Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries), own.State, false);
    }

    /// <summary>Where a form of the card posts: this page's handler, for this deck unless told otherwise.</summary>
    public string Action(string handler, bool withDeck = true) => withDeck
        ? $"/flashcards/review?deck={Uri.EscapeDataString(Deck.Value)}&handler={handler}"
        : $"/flashcards/review?handler={handler}";

    /// <summary>A link to this review with some parameters changed.</summary>
    public string Link(bool? reveal = null, int? at = null, bool withCard = false)
    {
        var parts = new List<string> { "deck=" + Uri.EscapeDataString(Deck.Value) };
        if (Cram)
        {
            parts.Add("cram=1");
            if (Shuffled)
            {
                parts.Add("order=shuffled");
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"seed={Seed}"));
            }
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at={at ?? At}"));
        }
        else if (withCard && Shown?.CardId is { } id)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"card={id}"));
        }
        else if (withCard && Shown?.QuestionId is { } question)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"question={question}"));
        }
        if (reveal == true)
        {
            parts.Add("reveal=1");
        }
        return "/flashcards/review?" + string.Join("&", parts);
    }
}
