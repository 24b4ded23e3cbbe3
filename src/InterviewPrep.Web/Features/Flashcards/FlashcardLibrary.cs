using System.Collections.Concurrent;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Interviews;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>Who is studying, when, and with which settings: the user's day in their own time zone.</summary>
public sealed record StudyContext(string UserId, string ZoneId, DateTime NowUtc, DateOnly Today, DateTime StartOfTodayUtc, DateTime EndOfTodayUtc, FlashcardSettings Settings)
{
    public FsrsScheduler Scheduler => FlashcardLibrary.SchedulerFor(Settings.DesiredRetention);
}

/// <summary>A question of the bank, as decks need it.</summary>
public sealed record BankQuestion(int Id, string Slug, string Title, int CategoryId, string CategorySlug, string CategoryTitle, int CategoryOrder, Difficulty Difficulty, bool IsRetired, IReadOnlyList<string> Tags)
{
    /// <summary>The slugs its file lists as related, as written.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
}

/// <summary>What the decks need of a card: which question, its tags, and when it is due. Reading whole cards for this was
/// most of a review's time once a user had studied a few thousand.</summary>
public sealed record CardHead(int Id, int? QuestionId, string Tags, CardState State, DateTime DueUtc, bool IsSuspended, DateTime? BuriedUntilUtc)
{
    public bool IsOwn => QuestionId is null;
}

/// <summary>An interview with a prep checklist, as its deck needs it.</summary>
public sealed record InterviewDeck(int Id, string Company, string Role, DateTime? ScheduledAtUtc, IReadOnlyList<int> CategoryIds, IReadOnlyList<int> QuestionIds);

/// <summary>Everything needed to build the decks of one user: the bank, their cards and their interviews' checklists.</summary>
public sealed class StudyMaterial
{
    public required IReadOnlyList<BankQuestion> Bank { get; init; }
    /// <summary>The user's cards (not deleted), as the decks need them.</summary>
    public required IReadOnlyList<CardHead> Heads { get; init; }

    /// <summary>The user's whole cards, in the same order as <see cref="Heads"/>: only from <see cref="FlashcardLibrary.FullMaterialAsync"/>.</summary>
    public IReadOnlyList<Flashcard> Cards
    {
        get => field ?? throw new InvalidOperationException("This study material was loaded without whole cards: use FullMaterialAsync.");
        init;
    }
    /// <summary>The user's open interviews with a checklist; not loaded for the review of a deck of another kind.</summary>
    public IReadOnlyList<InterviewDeck> Interviews
    {
        get => field ?? throw new InvalidOperationException("This study material was loaded for a deck that is not an interview's: use MaterialAsync without a deck.");
        init;
    }

    public required IReadOnlyDictionary<int, BankQuestion> BankById { get; init; }

    /// <summary>The cards of a deck, with a queue entry (not yet in the database) for each bank question never shown.</summary>
    public IReadOnlyList<QueueCard> QueueFor(Deck deck) => [.. Queue(deck)];

    /// <summary>The same cards one at a time, in deck order.</summary>
    public IEnumerable<QueueCard> Queue(Deck deck) => Walk(deck).Select(Entry).Where(IsCard);

    /// <summary>The bank's study order and how many of its questions each deck can start: built once per import by
    /// <see cref="BankCatalog"/>, or here from <see cref="Bank"/> when none was given.</summary>
    public BankIndex Index
    {
        get => field ??= new BankIndex(Bank);
        init;
    }

    /// <summary>
    /// The deck as <see cref="ReviewOrder.Next"/> needs it: the cards that have a row, and the bank questions never shown
    /// only counted, with the first of them. It costs the user's cards, not the bank's 10,000 questions: the count comes
    /// from <see cref="Index"/>, and the walk for the first never-shown question stops there.
    /// </summary>
    public DeckCards Summary(Deck deck)
    {
        var prep = PrepOf(deck);
        var own = Heads.Count(c => c.IsOwn && OwnInDeck(c, deck));
        var cards = new List<QueueCard>();
        var shown = new HashSet<int>();
        var order = 0;
        var shownLive = 0;
        foreach (var card in Heads)
        {
            if (card.IsOwn)
            {
                if (OwnInDeck(card, deck))
                {
                    cards.Add(Entry((card, null, order++)));
                }
                continue;
            }
            if (!BankById.TryGetValue(card.QuestionId!.Value, out var question) || !BankInDeck(question, deck, prep))
            {
                continue;
            }
            shown.Add(question.Id);
            shownLive += question.IsRetired ? 0 : 1;
            var entry = Entry((card, question, own + Index.PositionOf(question.Id)));
            if (IsCard(entry))
            {
                cards.Add(entry);
            }
        }
        var unseen = (Index.StartableIn(deck) ?? Bank.Count(q => !q.IsRetired && BankInDeck(q, deck, prep))) - shownLive;
        var first = unseen == 0 ? null : Bank.FirstOrDefault(q => !q.IsRetired && !shown.Contains(q.Id) && BankInDeck(q, deck, prep));
        return new DeckCards(cards, unseen, first is null ? null : Entry((null, first, own + Index.PositionOf(first.Id))));
    }

    /// <summary>A member of the deck as the queue sees it: its card, or a new card not yet in the database.</summary>
    private static QueueCard Entry((CardHead? Card, BankQuestion? Question, int Order) member) => member.Card is { } card
        ? new QueueCard(card.Id, card.QuestionId, card.State, card.DueUtc, card.IsSuspended, card.BuriedUntilUtc, member.Question?.IsRetired == true, member.Order)
        : new QueueCard(null, member.Question!.Id, CardState.New, DateTime.MinValue, IsRetired: member.Question.IsRetired, NewOrder: member.Order);

    /// <summary>A retired question that was never studied is no card at all.</summary>
    private static bool IsCard(QueueCard entry) => !(entry.IsRetired && entry.State == CardState.New);

    private InterviewDeck? PrepOf(Deck deck) => deck.Kind == DeckKind.Interview ? Interviews.FirstOrDefault(i => i.Id == deck.InterviewId) : null;

    /// <summary>
    /// The deck's members in deck order (own cards, then the bank's): a card, a bank question, or both. The order of a
    /// bank question is the number of own cards in the deck plus its place in the whole bank, as in <see cref="Summary"/>.
    /// </summary>
    private IEnumerable<(CardHead? Card, BankQuestion? Question, int Order)> Walk(Deck deck)
    {
        var prep = PrepOf(deck);
        var byQuestion = Heads.Where(c => c.QuestionId is not null).ToDictionary(c => c.QuestionId!.Value);
        var own = 0;
        foreach (var card in Heads)
        {
            if (card.IsOwn && OwnInDeck(card, deck))
            {
                yield return (card, null, own++);
            }
        }
        for (var position = 0; position < Bank.Count; position++)
        {
            var question = Bank[position];
            if (BankInDeck(question, deck, prep))
            {
                yield return (byQuestion.GetValueOrDefault(question.Id), question, own + position);
            }
        }
    }

    /// <summary>The deck's cards that exist in the database or could be created, for stats and export.</summary>
    public IReadOnlyList<(BankQuestion? Question, Flashcard? Card)> Members(Deck deck)
    {
        var byId = Cards.ToDictionary(c => c.Id);
        return QueueFor(deck)
            .Select(q => (q.QuestionId is { } id ? BankById[id] : null, q.FlashcardId is { } cardId ? byId[cardId] : null))
            .ToList();
    }

    private static bool OwnInDeck(CardHead card, Deck deck) => deck.Kind switch
    {
        DeckKind.All or DeckKind.Own => true,
        DeckKind.Tag => card.Tags.Split(' ').Contains(deck.Slug),
        _ => false,
    };

    private static bool BankInDeck(BankQuestion question, Deck deck, InterviewDeck? prep) => deck.Kind switch
    {
        DeckKind.All => true,
        DeckKind.Category => question.CategorySlug == deck.Slug,
        DeckKind.Tag => question.Tags.Contains(deck.Slug!),
        DeckKind.Interview => prep is not null && (prep.QuestionIds.Contains(question.Id) || prep.CategoryIds.Contains(question.CategoryId)),
        DeckKind.Questions => deck.QuestionIds.Contains(question.Id),
        _ => false,
    };
}

/// <summary>What happened to a grade, an undo or another change of a card.</summary>
public enum CardChange
{
    Done,
    BecameLeech,

    /// <summary>The form was for a showing that is over: a double click, a replay, or another tab was faster.</summary>
    Stale,
    NotFound,
    NothingToUndo,
}

/// <summary>
/// The flashcards of a user: loads decks, picks and creates cards, records grades, undoes them, and logs
/// finished study sessions as practice. Every query is scoped to the user.
/// </summary>
public sealed class FlashcardLibrary(AppDbContext db, DatabaseWrites writes, FlashcardQueries queries, IStudyReads reads, IGradeWrites grades, BankCatalog catalog, MarkdownRenderer renderer, TimeProvider time)
{
    /// <summary>A card lapsing this many times is a leech (Anki's default), and again every half as many after.</summary>
    public const int LeechLapses = 8;

    /// <summary>A study session ends after this long without a review.</summary>
    public static readonly TimeSpan SessionIdle = TimeSpan.FromMinutes(30);

    private static readonly ConcurrentDictionary<double, FsrsScheduler> Schedulers = new();

    /// <summary>The log entry of this library's last recorded change, if it logged one: the next card's undo button needs no query for it.</summary>
    public ReviewLog? LastLogged { get; private set; }

    public static FsrsScheduler SchedulerFor(double desiredRetention) =>
        Schedulers.GetOrAdd(desiredRetention, r => new FsrsScheduler(FsrsParameters.Default with { DesiredRetention = r }));

    public async Task<StudyContext> ContextAsync(string userId, CancellationToken ct)
    {
        var (zone, saved) = await reads.SetupOfAsync(userId, ct);
        var settings = saved ?? new FlashcardSettings { UserId = userId };
        var now = time.GetUtcNow().UtcDateTime;
        var today = FlashcardStats.LocalDay(now, zone);
        return new StudyContext(userId, zone, now, today, FlashcardStats.StartOfNextDayUtc(today.AddDays(-1), zone),
            FlashcardStats.StartOfNextDayUtc(today, zone), settings);
    }

    /// <summary>The bank, the user's cards as the decks need them, and their interviews' checklists.</summary>
    public Task<StudyMaterial> MaterialAsync(string userId, CancellationToken ct) => MaterialAsync(userId, wholeCards: false, interviews: true, ct);

    /// <summary>What the review of one deck needs: the interviews only for an interview's deck (two queries fewer per card).</summary>
    public Task<StudyMaterial> MaterialAsync(string userId, Deck deck, CancellationToken ct) =>
        MaterialAsync(userId, wholeCards: false, interviews: deck.Kind == DeckKind.Interview, ct);

    /// <summary>The same with the user's whole cards, for stats and export.</summary>
    public Task<StudyMaterial> FullMaterialAsync(string userId, CancellationToken ct) => MaterialAsync(userId, wholeCards: true, interviews: true, ct);

    /// <summary>A card of the user as it is now, not tracked; deleted cards are not found.</summary>
    public Task<Flashcard?> CardAsync(string userId, int cardId, CancellationToken ct) => reads.CardOfAsync(userId, cardId, ct);

    private async Task<StudyMaterial> MaterialAsync(string userId, bool wholeCards, bool interviews, CancellationToken ct)
    {
        var bank = await catalog.GetAsync(ct);
        List<Flashcard>? cards = null;
        List<CardHead> heads;
        if (wholeCards)
        {
            cards = await queries.CardsOf(db, userId).ToListAsync(ct);
            heads = [.. cards.Select(c => new CardHead(c.Id, c.QuestionId, c.Tags, c.State, c.DueUtc, c.IsSuspended, c.BuriedUntilUtc))];
        }
        else
        {
            heads = await reads.HeadsOfAsync(userId, ct);
        }
        return new StudyMaterial
        {
            Bank = bank.Questions,
            BankById = bank.ById,
            Index = bank.Index,
            Heads = heads,
            Cards = cards!,
            Interviews = interviews ? await InterviewDecksAsync(userId, ct) : null!,
        };
    }

    /// <summary>The user's open interviews that have questions or categories on their checklist, soonest first.</summary>
    private async Task<List<InterviewDeck>> InterviewDecksAsync(string userId, CancellationToken ct)
    {
        // Two plain queries rather than one with two nested collections: that one's SQL could not be cached, and EF
        // Core generated it again on every request, under a lock all requests share.
        var open = db.Interviews.AsNoTracking().OwnedBy(userId)
            .Where(i => i.Stage != InterviewStage.Offer && i.Stage != InterviewStage.Rejected && i.Stage != InterviewStage.Withdrawn);
        var interviews = await open.Select(i => new { i.Id, i.Company, i.Role, i.ScheduledAtUtc }).ToListAsync(ct);
        var checklist = interviews.Count == 0 ? [] : await open
            .SelectMany(i => i.Checklist.Where(p => p.CategoryId != null || p.QuestionId != null))
            .Select(p => new { p.InterviewId, p.CategoryId, p.QuestionId })
            .ToListAsync(ct);
        var itemsOf = checklist.ToLookup(p => p.InterviewId);
        return interviews
            .Select(i => new InterviewDeck(i.Id, i.Company, i.Role, i.ScheduledAtUtc,
                [.. itemsOf[i.Id].Select(p => p.CategoryId).OfType<int>()], [.. itemsOf[i.Id].Select(p => p.QuestionId).OfType<int>()]))
            .Where(i => i.CategoryIds.Count + i.QuestionIds.Count > 0)
            .OrderBy(i => i.ScheduledAtUtc ?? DateTime.MaxValue).ThenBy(i => i.Id).ToList();
    }

    /// <summary>Today's limits: the settings, less the new cards and reviews already graded today (undone grades do not count).</summary>
    public async Task<StudyLimits> LimitsAsync(StudyContext context, CancellationToken ct)
    {
        var today = await reads.CountedSinceAsync(context.UserId, context.StartOfTodayUtc, ct);
        return new StudyLimits(context.Settings.NewPerDay, context.Settings.ReviewsPerDay, today.New, today.All - today.New);
    }

    /// <summary>Review cards due before this count as due: the end of today, or a later interview of the deck.</summary>
    public static DateTime ReviewCutoff(StudyContext context, StudyMaterial material, Deck deck)
    {
        var interview = deck.Kind == DeckKind.Interview ? material.Interviews.FirstOrDefault(i => i.Id == deck.InterviewId) : null;
        return interview?.ScheduledAtUtc is { } at && at > context.EndOfTodayUtc ? at : context.EndOfTodayUtc;
    }

    /// <summary>
    /// The card of a bank question the user never graded, created now (to bury or suspend it before its first grade). When
    /// another request created it first, the unique index says so and that card is used.
    /// </summary>
    public async Task<Flashcard> CardForQuestionAsync(string userId, int questionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var card = new Flashcard { UserId = userId, QuestionId = questionId, CreatedAtUtc = now };
        card.Apply(CardMemory.New(now));
        db.Flashcards.Add(card);
        try
        {
            await writes.SaveAsync(ct);
            return card;
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            // Another request created it first (the unique index on user and question): use that one.
            db.Entry(card).State = EntityState.Detached;
            return await db.Flashcards.OwnedBy(userId).FirstAsync(c => c.QuestionId == questionId, ct);
        }
    }

    /// <summary>The user's card of a bank question, if it has one (not tracked).</summary>
    public Task<Flashcard?> CardOfQuestionAsync(string userId, int questionId, CancellationToken ct) =>
        db.Flashcards.AsNoTracking().OwnedBy(userId).FirstOrDefaultAsync(c => c.QuestionId == questionId && !c.IsDeleted, ct);

    /// <summary>
    /// Whether a question is in the bank, retired or not: decks start no retired question, but one retired while it was
    /// on screen can still be graded, buried or suspended.
    /// </summary>
    public async Task<bool> InBankAsync(int questionId, CancellationToken ct) => (await catalog.GetAsync(ct)).ById.ContainsKey(questionId);

    /// <summary>
    /// Records the first grade of a bank question the user has no card for. A question is shown without a card, and the
    /// card is made here, already graded, in the same transaction as its review: one write per grade, and none for just
    /// looking. A second tab or a double click finds the card made (the unique index on user and question): stale.
    /// </summary>
    public async Task<CardChange> GradeFirstAsync(StudyContext context, int questionId, Grade grade, int durationMs, Deck deck, CancellationToken ct)
    {
        if (!Enum.IsDefined(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "A grade is 1 to 4.");
        }
        if (!await InBankAsync(questionId, ct))
        {
            return CardChange.NotFound;
        }
        await LogFinishedSessionsAsync(context, finishing: false, ct);
        var now = context.NowUtc;
        var card = new Flashcard { UserId = context.UserId, QuestionId = questionId, CreatedAtUtc = now };
        card.Apply(CardMemory.New(now));
        var before = card.Snapshot();
        card.Apply(context.Scheduler.Review(card.Memory, grade, new DateTimeOffset(now, TimeSpan.Zero)));
        card.Version = 1;
        var log = ReviewOf(context, card, before, version: 0, grade, now, durationMs, deck);
        // One transaction inserts the card, then its review with the card's new id.
        if (!await grades.InsertAsync(card, log, ct))
        {
            return CardChange.Stale;
        }
        LastLogged = log;
        return CardChange.Done;
    }

    /// <summary>
    /// Records a grade of the showing <paramref name="version"/> of a card. The card's version moves on in the same
    /// UPDATE that checks it, so a replayed form, a double click or a second tab records nothing twice.
    /// </summary>
    public async Task<CardChange> GradeAsync(StudyContext context, int cardId, int version, Grade grade, int durationMs, Deck deck, CancellationToken ct)
    {
        if (!Enum.IsDefined(grade))
        {
            throw new ArgumentOutOfRangeException(nameof(grade), grade, "A grade is 1 to 4.");
        }
        // A review after 30 idle minutes first closes the session before it (tracked nothing yet, so nothing is lost if it conflicts).
        await LogFinishedSessionsAsync(context, finishing: false, ct);
        var card = await reads.CardOfAsync(context.UserId, cardId, ct);
        if (card is null)
        {
            return CardChange.NotFound;
        }
        if (card.Version != version)
        {
            return CardChange.Stale;
        }

        var now = context.NowUtc;
        if (card.LastReviewUtc is { } last && last > now)
        {
            now = last; // A clock that went back must not make the scheduler refuse the review.
        }
        var before = card.Snapshot();
        card.Apply(context.Scheduler.Review(card.Memory, grade, new DateTimeOffset(now, TimeSpan.Zero)));
        var leech = card.Lapses > before.Lapses && IsLeechCount(card.Lapses);
        if (leech)
        {
            card.IsLeech = true;
            card.IsSuspended = true;
        }
        card.BuriedUntilUtc = null;
        card.Version = version + 1;
        // One transaction: the card where its version is still the one shown, then its review (unique per card and version).
        var log = ReviewOf(context, card, before, version, grade, now, durationMs, deck);
        if (!await grades.UpdateAsync(card, version, log, ct))
        {
            return CardChange.Stale;
        }
        LastLogged = log;
        return leech ? CardChange.BecameLeech : CardChange.Done;
    }

    /// <summary>The log entry of a grade: the card as it was shown (<paramref name="before"/>, at <paramref name="version"/>) and as it is now.</summary>
    private static ReviewLog ReviewOf(StudyContext context, Flashcard card, CardSnapshot before, int version, Grade grade, DateTime now, int durationMs, Deck deck) => new()
    {
        UserId = context.UserId,
        FlashcardId = card.Id,
        Kind = ReviewKind.Review,
        Grade = grade,
        ReviewedAtUtc = now,
        DurationMs = durationMs,
        CardVersion = version,
        Deck = deck.Value,
        Before = before,
        After = card.Snapshot(),
    };

    /// <summary>8 lapses, then 12, 16, ...: the card is suspended again each time it keeps failing.</summary>
    public static bool IsLeechCount(int lapses) => lapses >= LeechLapses && (lapses - LeechLapses) % (LeechLapses / 2) == 0;

    /// <summary>The user's last review that can still be undone: not undone, and its card unchanged since.</summary>
    public async Task<ReviewLog?> UndoableAsync(string userId, CancellationToken ct)
    {
        var last = await reads.LastCountedAsync(userId, ct);
        return last is not null && last.CardVersion == last.Log.CardVersion + 1 ? last.Log : null;
    }

    /// <summary>Takes back the user's last review: the card gets exactly its state before it, and the log an entry of its own.</summary>
    public async Task<(CardChange Change, int? CardId)> UndoAsync(StudyContext context, long? expectedLogId, CancellationToken ct)
    {
        var last = await UndoableAsync(context.UserId, ct);
        if (last is null || (expectedLogId is { } expected && expected != last.Id))
        {
            return (CardChange.NothingToUndo, null);
        }
        var card = await db.Flashcards.OwnedBy(context.UserId).FirstAsync(c => c.Id == last.FlashcardId, ct);
        var before = card.Snapshot();
        var version = card.Version;
        card.Restore(last.Before);
        var change = await SaveChangeAsync(card, new ReviewLog
        {
            UserId = context.UserId,
            FlashcardId = card.Id,
            Kind = ReviewKind.Undo,
            ReviewedAtUtc = context.NowUtc,
            CardVersion = version,
            UndoesId = last.Id,
            Deck = last.Deck,
            Before = before,
            After = card.Snapshot(),
        }, CardChange.Done, ct);
        return (change == CardChange.Stale ? CardChange.NothingToUndo : change, card.Id);
    }

    /// <summary>Makes a card new again, keeping its history; logged as a reset.</summary>
    public async Task<CardChange> ResetAsync(StudyContext context, int cardId, CancellationToken ct)
    {
        var card = await queries.CardToChange(db, context.UserId, cardId, ct);
        if (card is null)
        {
            return CardChange.NotFound;
        }
        var before = card.Snapshot();
        var version = card.Version;
        card.Apply(CardMemory.New(new DateTimeOffset(context.NowUtc, TimeSpan.Zero)));
        card.IsLeech = false;
        card.IsSuspended = false;
        card.BuriedUntilUtc = null;
        return await SaveChangeAsync(card, new ReviewLog
        {
            UserId = context.UserId,
            FlashcardId = card.Id,
            Kind = ReviewKind.Reset,
            ReviewedAtUtc = context.NowUtc,
            CardVersion = version,
            Before = before,
            After = card.Snapshot(),
        }, CardChange.Done, ct);
    }

    /// <summary>Suspends or unsuspends a card, or buries it until the user's next day.</summary>
    public async Task<CardChange> SetFlagsAsync(StudyContext context, int cardId, bool? suspend, bool bury, CancellationToken ct)
    {
        var card = await queries.CardToChange(db, context.UserId, cardId, ct);
        if (card is null)
        {
            return CardChange.NotFound;
        }
        if (suspend is { } s)
        {
            card.IsSuspended = s;
            // Unsuspending a leech is the user's decision to keep it; it leaves the leech list.
            card.IsLeech &= s;
        }
        if (bury)
        {
            card.BuriedUntilUtc = context.EndOfTodayUtc;
        }
        return await SaveChangeAsync(card, null, CardChange.Done, ct);
    }

    /// <summary>
    /// Logs study sessions as practice: reviews are grouped into sessions by gaps of 30 minutes; each session that
    /// is over (idle for 30 minutes, or all of them when the user finishes) becomes a practice session of kind
    /// Flashcards. Returns how many were logged.
    /// </summary>
    public async Task<int> LogFinishedSessionsAsync(StudyContext context, bool finishing, CancellationToken ct)
    {
        if (!finishing)
        {
            // A session is over 30 idle minutes after its last review: with no review waiting that is older than
            // that, none is (a look at the (user, time) index instead of reading the whole session on every grade).
            // The settings read with the context at the start of this request are recent enough to tell; the
            // sessions are worked out below from the settings as they are when saved.
            var loggedThrough = context.Settings.PracticeLoggedThroughUtc ?? DateTime.MinValue;
            if (!await reads.ReviewedBetweenAsync(context.UserId, loggedThrough, context.NowUtc - SessionIdle, ct))
            {
                return 0;
            }
        }
        var settings = await queries.SettingsToChange(db, context.UserId, ct);
        var since = settings?.PracticeLoggedThroughUtc ?? DateTime.MinValue;
        var logged = await db.ReviewLogs.AsNoTracking().OwnedBy(context.UserId)
            .Where(l => l.Kind == ReviewKind.Review && l.ReviewedAtUtc > since)
            .Where(l => !l.Deck.StartsWith(Deck.MockPrefix)) // a mock round is logged as practice of its own
            .OrderBy(l => l.ReviewedAtUtc).ThenBy(l => l.Id)
            .Select(l => new { l.ReviewedAtUtc, l.DurationMs, l.Grade, l.Deck, l.FlashcardId })
            .ToListAsync(ct);
        if (logged.Count == 0)
        {
            return 0;
        }
        var categoryOfCard = await (
            from c in db.Flashcards.OwnedBy(context.UserId)
            join q in db.Questions on c.QuestionId equals q.Id
            select new { c.Id, q.CategoryId }).ToDictionaryAsync(x => x.Id, x => x.CategoryId, ct);
        var reviews = logged.Select(l => new SessionReview(l.ReviewedAtUtc, l.DurationMs, l.Grade ?? Grade.Good, l.Deck,
            categoryOfCard.TryGetValue(l.FlashcardId, out var category) ? category : null)).ToList();
        var sessions = StudySessions.Split(reviews, SessionIdle)
            .Where(s => finishing || context.NowUtc - s[^1].AtUtc >= SessionIdle)
            .ToList();
        if (sessions.Count == 0)
        {
            return 0;
        }
        if (settings is null)
        {
            settings = new FlashcardSettings { UserId = context.UserId };
            db.FlashcardSettings.Add(settings);
        }
        foreach (var session in sessions)
        {
            var categoryIds = session.Select(r => r.CategoryId).OfType<int>().Distinct().ToList();
            var interviewId = session.Select(r => Deck.Parse(r.Deck)).FirstOrDefault(d => d?.Kind == DeckKind.Interview)?.InterviewId;
            if (interviewId is { } id && !await db.Interviews.OwnedBy(context.UserId).AnyAsync(i => i.Id == id, ct))
            {
                interviewId = null;
            }
            var summary = StudySessions.Summarize(session);
            db.PracticeSessions.Add(new Practice.PracticeSession
            {
                UserId = context.UserId,
                Date = FlashcardStats.LocalDay(summary.StartUtc, context.ZoneId),
                DurationMinutes = summary.Minutes,
                Kind = Practice.PracticeKind.Flashcards,
                Categories = await db.Categories.Where(c => categoryIds.Contains(c.Id)).ToListAsync(ct),
                InterviewId = interviewId,
                Rating = summary.Rating,
                NotesMarkdown = summary.Notes,
                NotesHtml = renderer.ToHtml(summary.Notes),
                CreatedAtUtc = context.NowUtc,
            });
        }
        settings.PracticeLoggedThroughUtc = sessions[^1][^1].AtUtc;
        settings.Version++;
        try
        {
            await writes.SaveAsync(ct);
            return sessions.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request logged these sessions a moment ago.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Reviews that count: graded and not undone. The same rule is in SQL in <c>SqliteStudyReads</c>.</summary>
    public IQueryable<ReviewLog> CountedLogs(string userId) => Counted(db, userId);

    /// <summary>The user's reviews that count: graded and not undone.</summary>
    public static IQueryable<ReviewLog> Counted(AppDbContext db, string userId) =>
        db.ReviewLogs.AsNoTracking().OwnedBy(userId)
            .Where(l => l.Kind == ReviewKind.Review && !db.ReviewLogs.Any(u => u.UndoesId == l.Id));

    private async Task<CardChange> SaveChangeAsync(Flashcard card, ReviewLog? log, CardChange success, CancellationToken ct)
    {
        card.Version++;
        if (log is not null)
        {
            db.ReviewLogs.Add(log);
        }
        try
        {
            // One transaction: UPDATE ... WHERE Version = @shown, then the log entry (unique per card and version).
            await writes.SaveAsync(ct);
            LastLogged = log ?? LastLogged;
            return success;
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            // Only a lost race is "already graded"; any other failure (a busy or full disk) must not be answered as recorded.
            db.ChangeTracker.Clear();
            return CardChange.Stale;
        }
    }
}

/// <summary>A review as a study session sees it.</summary>
public sealed record SessionReview(DateTime AtUtc, int DurationMs, Grade Grade, string Deck, int? CategoryId);

/// <summary>How a study session goes into the practice log.</summary>
public sealed record SessionSummary(DateTime StartUtc, int Minutes, int Rating, string Notes);

/// <summary>Cuts reviews into study sessions and sums them up. Pure.</summary>
public static class StudySessions
{
    public static IReadOnlyList<IReadOnlyList<SessionReview>> Split(IReadOnlyList<SessionReview> reviews, TimeSpan idle) =>
        Split(reviews, r => r.AtUtc, idle);

    /// <summary>Cuts anything timed into runs without a gap of <paramref name="idle"/> or more, in time order.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IEnumerable<T> items, Func<T, DateTime> at, TimeSpan idle)
    {
        var sessions = new List<IReadOnlyList<T>>();
        List<T>? current = null;
        foreach (var item in items.OrderBy(at))
        {
            if (current is null || at(item) - at(current[^1]) >= idle)
            {
                current = [];
                sessions.Add(current);
            }
            current.Add(item);
        }
        return sessions;
    }

    /// <summary>
    /// Starts when the first card was shown (its review time less its answer time), lasts to the last grade (at least
    /// a minute, at most 720); rated 1 to 5 by the share of cards recalled.
    /// </summary>
    public static SessionSummary Summarize(IReadOnlyList<SessionReview> session)
    {
        var start = session[0].AtUtc.AddMilliseconds(-session[0].DurationMs);
        var minutes = (int)Math.Clamp(Math.Round((session[^1].AtUtc - start).TotalMinutes), 1, 720);
        var recalled = session.Count(r => r.Grade != Grade.Again);
        var rating = (int)Math.Clamp(1 + Math.Round(4.0 * recalled / session.Count), 1, 5);
        var notes = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Flashcards: {session.Count} {(session.Count == 1 ? "review" : "reviews")}, {recalled} recalled.");
        return new SessionSummary(start, minutes, rating, notes);
    }
}
