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
public sealed record BankQuestion(int Id, string Slug, string Title, int CategoryId, string CategorySlug, string CategoryTitle, int CategoryOrder, Difficulty Difficulty, bool IsRetired, IReadOnlyList<string> Tags);

/// <summary>An interview with a prep checklist, as its deck needs it.</summary>
public sealed record InterviewDeck(int Id, string Company, string Role, DateTime? ScheduledAtUtc, IReadOnlyList<int> CategoryIds, IReadOnlyList<int> QuestionIds);

/// <summary>Everything needed to build the decks of one user: the bank, their cards and their interviews' checklists.</summary>
public sealed class StudyMaterial
{
    public required IReadOnlyList<BankQuestion> Bank { get; init; }
    public required IReadOnlyList<Flashcard> Cards { get; init; }
    public required IReadOnlyList<InterviewDeck> Interviews { get; init; }

    public required IReadOnlyDictionary<int, BankQuestion> BankById { get; init; }

    /// <summary>The cards of a deck, with a queue entry (not yet in the database) for each bank question never shown.</summary>
    public IReadOnlyList<QueueCard> QueueFor(Deck deck) => [.. Queue(deck)];

    /// <summary>
    /// The same cards one at a time, in deck order, for a single pass (<see cref="ReviewOrder.Next"/>): the whole
    /// bank's deck is 10,000 entries, and a list of them per request is garbage on the large-object heap.
    /// </summary>
    public IEnumerable<QueueCard> Queue(Deck deck)
    {
        var prep = deck.Kind == DeckKind.Interview ? Interviews.FirstOrDefault(i => i.Id == deck.InterviewId) : null;
        var byQuestion = Cards.Where(c => c.QuestionId is not null).ToDictionary(c => c.QuestionId!.Value);
        var order = 0;
        foreach (var card in Cards.Where(c => c.IsOwn && OwnInDeck(c, deck)))
        {
            yield return ToQueue(card, false, order++);
        }
        foreach (var question in Bank.Where(q => BankInDeck(q, deck, prep)))
        {
            var entry = byQuestion.TryGetValue(question.Id, out var card)
                ? ToQueue(card, question.IsRetired, order++)
                : new QueueCard(null, question.Id, CardState.New, DateTime.MinValue, IsRetired: question.IsRetired, NewOrder: order++);
            // A retired question that was never studied is no card at all.
            if (!(entry.IsRetired && entry.State == CardState.New))
            {
                yield return entry;
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

    private static QueueCard ToQueue(Flashcard card, bool retired, int order) =>
        new(card.Id, card.QuestionId, card.State, card.DueUtc, card.IsSuspended, card.BuriedUntilUtc, retired, order);

    private static bool OwnInDeck(Flashcard card, Deck deck) => deck.Kind switch
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
public sealed class FlashcardLibrary(AppDbContext db, BankCatalog catalog, MarkdownRenderer renderer, TimeProvider time)
{
    /// <summary>A card lapsing this many times is a leech (Anki's default), and again every half as many after.</summary>
    public const int LeechLapses = 8;

    /// <summary>A study session ends after this long without a review.</summary>
    public static readonly TimeSpan SessionIdle = TimeSpan.FromMinutes(30);

    private static readonly ConcurrentDictionary<double, FsrsScheduler> Schedulers = new();

    public static FsrsScheduler SchedulerFor(double desiredRetention) =>
        Schedulers.GetOrAdd(desiredRetention, r => new FsrsScheduler(FsrsParameters.Default with { DesiredRetention = r }));

    public async Task<StudyContext> ContextAsync(string userId, CancellationToken ct)
    {
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync(ct);
        var settings = await db.FlashcardSettings.AsNoTracking().OwnedBy(userId).FirstOrDefaultAsync(ct) ?? new FlashcardSettings { UserId = userId };
        var now = time.GetUtcNow().UtcDateTime;
        var today = FlashcardStats.LocalDay(now, zone);
        return new StudyContext(userId, zone, now, today, FlashcardStats.StartOfNextDayUtc(today.AddDays(-1), zone),
            FlashcardStats.StartOfNextDayUtc(today, zone), settings);
    }

    public async Task<StudyMaterial> MaterialAsync(string userId, CancellationToken ct)
    {
        var bank = await catalog.GetAsync(ct);
        var cards = await db.Flashcards.AsNoTracking().OwnedBy(userId).Where(c => !c.IsDeleted).OrderBy(c => c.Id).ToListAsync(ct);
        var closed = new[] { InterviewStage.Offer, InterviewStage.Rejected, InterviewStage.Withdrawn };
        var interviews = await db.Interviews.AsNoTracking().OwnedBy(userId)
            .Where(i => !closed.Contains(i.Stage))
            .Select(i => new
            {
                i.Id, i.Company, i.Role, i.ScheduledAtUtc,
                Categories = i.Checklist.Where(p => p.CategoryId != null).Select(p => p.CategoryId!.Value).ToList(),
                Questions = i.Checklist.Where(p => p.QuestionId != null).Select(p => p.QuestionId!.Value).ToList(),
            })
            .ToListAsync(ct);
        return new StudyMaterial
        {
            Bank = bank.Questions,
            BankById = bank.ById,
            Cards = cards,
            Interviews = interviews.Where(i => i.Categories.Count + i.Questions.Count > 0)
                .Select(i => new InterviewDeck(i.Id, i.Company, i.Role, i.ScheduledAtUtc, i.Categories, i.Questions))
                .OrderBy(i => i.ScheduledAtUtc ?? DateTime.MaxValue).ThenBy(i => i.Id).ToList(),
        };
    }

    /// <summary>Today's limits: the settings, less the new cards and reviews already graded today (undone grades do not count).</summary>
    public async Task<StudyLimits> LimitsAsync(StudyContext context, CancellationToken ct)
    {
        var today = await CountedLogs(context.UserId).Where(l => l.ReviewedAtUtc >= context.StartOfTodayUtc)
            .Select(l => l.Before).ToListAsync(ct);
        var fresh = today.Count(b => b.State == CardState.New);
        return new StudyLimits(context.Settings.NewPerDay, context.Settings.ReviewsPerDay, fresh, today.Count - fresh);
    }

    /// <summary>Review cards due before this count as due: the end of today, or a later interview of the deck.</summary>
    public static DateTime ReviewCutoff(StudyContext context, StudyMaterial material, Deck deck)
    {
        var interview = deck.Kind == DeckKind.Interview ? material.Interviews.FirstOrDefault(i => i.Id == deck.InterviewId) : null;
        return interview?.ScheduledAtUtc is { } at && at > context.EndOfTodayUtc ? at : context.EndOfTodayUtc;
    }

    /// <summary>The card of a bank question for the user, created the first time it is needed.</summary>
    public async Task<Flashcard> CardForQuestionAsync(string userId, int questionId, CancellationToken ct)
    {
        var existing = await db.Flashcards.OwnedBy(userId).FirstOrDefaultAsync(c => c.QuestionId == questionId, ct);
        if (existing is not null)
        {
            return existing;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var card = new Flashcard { UserId = userId, QuestionId = questionId, CreatedAtUtc = now };
        card.Apply(CardMemory.New(now));
        db.Flashcards.Add(card);
        try
        {
            await db.SaveChangesAsync(ct);
            return card;
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            // Another request created it first (the unique index on user and question): use that one.
            db.Entry(card).State = EntityState.Detached;
            return await db.Flashcards.OwnedBy(userId).FirstAsync(c => c.QuestionId == questionId, ct);
        }
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
        var card = await db.Flashcards.OwnedBy(context.UserId).FirstOrDefaultAsync(c => c.Id == cardId && !c.IsDeleted, ct);
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
        return await SaveChangeAsync(card, new ReviewLog
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
        }, leech ? CardChange.BecameLeech : CardChange.Done, ct);
    }

    /// <summary>8 lapses, then 12, 16, ...: the card is suspended again each time it keeps failing.</summary>
    public static bool IsLeechCount(int lapses) => lapses >= LeechLapses && (lapses - LeechLapses) % (LeechLapses / 2) == 0;

    /// <summary>The user's last review that can still be undone: not undone, and its card unchanged since.</summary>
    public async Task<ReviewLog?> UndoableAsync(string userId, CancellationToken ct)
    {
        var last = await CountedLogs(userId).OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return null;
        }
        var version = await db.Flashcards.OwnedBy(userId).Where(c => c.Id == last.FlashcardId).Select(c => (int?)c.Version).FirstOrDefaultAsync(ct);
        return version == last.CardVersion + 1 ? last : null;
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
        var card = await db.Flashcards.OwnedBy(context.UserId).FirstOrDefaultAsync(c => c.Id == cardId && !c.IsDeleted, ct);
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
        var card = await db.Flashcards.OwnedBy(context.UserId).FirstOrDefaultAsync(c => c.Id == cardId && !c.IsDeleted, ct);
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
        var settings = await db.FlashcardSettings.OwnedBy(context.UserId).FirstOrDefaultAsync(ct);
        var since = settings?.PracticeLoggedThroughUtc ?? DateTime.MinValue;
        if (!finishing)
        {
            // A session is over 30 idle minutes after its last review: with no review waiting that is older than
            // that, none is (a look at the (user, time) index instead of reading the whole session on every grade).
            var idleSince = context.NowUtc - SessionIdle;
            if (!await db.ReviewLogs.OwnedBy(context.UserId).AnyAsync(l => l.Kind == ReviewKind.Review && l.ReviewedAtUtc > since && l.ReviewedAtUtc <= idleSince, ct))
            {
                return 0;
            }
        }
        var logged = await db.ReviewLogs.AsNoTracking().OwnedBy(context.UserId)
            .Where(l => l.Kind == ReviewKind.Review && l.ReviewedAtUtc > since)
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
            await db.SaveChangesAsync(ct);
            return sessions.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request logged these sessions a moment ago.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Reviews that count: graded and not undone.</summary>
    public IQueryable<ReviewLog> CountedLogs(string userId) =>
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
            await db.SaveChangesAsync(ct);
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
    public static IReadOnlyList<IReadOnlyList<SessionReview>> Split(IReadOnlyList<SessionReview> reviews, TimeSpan idle)
    {
        var sessions = new List<IReadOnlyList<SessionReview>>();
        List<SessionReview>? current = null;
        foreach (var review in reviews.OrderBy(r => r.AtUtc))
        {
            if (current is null || review.AtUtc - current[^1].AtUtc >= idle)
            {
                current = [];
                sessions.Add(current);
            }
            current.Add(review);
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
