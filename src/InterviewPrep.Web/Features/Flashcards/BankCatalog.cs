using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// The bank as the decks need it (id, title, category, difficulty, tags, related slugs of every question), kept in memory: it is
/// the same for every user and changes only with an import, so it is read again only when the import generation
/// has moved on. At 10,000 questions, reading it per request cost the review page most of its time.
/// </summary>
public sealed class BankCatalog(IServiceScopeFactory scopes, ContentImportStatus imports) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;

    /// <summary>The questions in study order (category, difficulty, title), with a lookup by id and the decks' counts.</summary>
    public sealed record Snapshot(long Generation, IReadOnlyList<BankQuestion> Questions, IReadOnlyDictionary<int, BankQuestion> ById, BankIndex Index)
    {
        private QuestionNavigation? _navigation;

        /// <summary>The live questions by slug with their neighbours, for the question page; built on first use.</summary>
        public QuestionNavigation Navigation => LazyInitializer.EnsureInitialized(ref _navigation, () => new QuestionNavigation(Questions));
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken ct)
    {
        var generation = imports.Generation;
        if (Volatile.Read(ref _current) is { } current && current.Generation == generation)
        {
            return current;
        }
        await _loading.WaitAsync(ct);
        try
        {
            generation = imports.Generation;
            if (_current is { } loaded && loaded.Generation == generation)
            {
                return loaded;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var questions = await db.Questions.AsNoTracking()
                .OrderBy(q => q.Category.Order).ThenBy(q => q.Difficulty).ThenBy(q => q.Title)
                .Select(q => new { q.Id, q.Slug, q.Title, q.CategoryId, CategorySlug = q.Category.Slug, CategoryTitle = q.Category.Title, CategoryOrder = q.Category.Order, q.Difficulty, q.IsRetired, q.RelatedSlugs })
                .ToListAsync(ct);
            // Tags in one flat query: inside the projection SQLite would run a subquery per question.
            var tags = (await db.Questions.SelectMany(q => q.Tags, (q, t) => new { QuestionId = q.Id, t.Slug }).ToListAsync(ct))
                .ToLookup(t => t.QuestionId, t => t.Slug);
            var bank = questions.Select(q => new BankQuestion(q.Id, q.Slug, q.Title, q.CategoryId, q.CategorySlug, q.CategoryTitle, q.CategoryOrder, q.Difficulty, q.IsRetired,
                [.. tags[q.Id]]) { Related = q.RelatedSlugs }).ToList();
            var snapshot = new Snapshot(generation, bank, bank.ToDictionary(q => q.Id), new BankIndex(bank));
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}

/// <summary>
/// Where each question stands in the bank's study order, and how many questions each deck could still start (those not
/// retired): what a review needs to count the questions a user never saw without walking the whole bank.
/// </summary>
public sealed class BankIndex
{
    private readonly Dictionary<int, int> _positions = [];
    private readonly Dictionary<string, int> _byCategory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byTag = new(StringComparer.Ordinal);
    private readonly int _startable;

    public BankIndex(IReadOnlyList<BankQuestion> bank)
    {
        for (var position = 0; position < bank.Count; position++)
        {
            var question = bank[position];
            _positions[question.Id] = position;
            if (question.IsRetired)
            {
                continue;
            }
            _startable++;
            _byCategory[question.CategorySlug] = _byCategory.GetValueOrDefault(question.CategorySlug) + 1;
            foreach (var tag in question.Tags)
            {
                _byTag[tag] = _byTag.GetValueOrDefault(tag) + 1;
            }
        }
    }

    /// <summary>The question's place in study order.</summary>
    public int PositionOf(int questionId) => _positions[questionId];

    /// <summary>The deck's questions that are not retired; null for an interview's deck, which depends on its checklist.</summary>
    public int? StartableIn(Deck deck) => deck.Kind switch
    {
        DeckKind.All => _startable,
        DeckKind.Category => _byCategory.GetValueOrDefault(deck.Slug!),
        DeckKind.Tag => _byTag.GetValueOrDefault(deck.Slug!),
        DeckKind.Own => 0,
        _ => null,
    };
}
