using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// The bank as the decks need it (id, title, category, difficulty, tags of every question), kept in memory: it is
/// the same for every user and changes only with an import, so it is read again only when the import generation
/// has moved on. At 10,000 questions, reading it per request cost the review page most of its time.
/// </summary>
public sealed class BankCatalog(IServiceScopeFactory scopes, ContentImportStatus imports) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;

    /// <summary>The questions in study order (category, difficulty, title), with a lookup by id.</summary>
    public sealed record Snapshot(long Generation, IReadOnlyList<BankQuestion> Questions, IReadOnlyDictionary<int, BankQuestion> ById);

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
                .Select(q => new { q.Id, q.Slug, q.Title, q.CategoryId, CategorySlug = q.Category.Slug, CategoryTitle = q.Category.Title, CategoryOrder = q.Category.Order, q.Difficulty, q.IsRetired })
                .ToListAsync(ct);
            // Tags in one flat query: inside the projection SQLite would run a subquery per question.
            var tags = (await db.Questions.SelectMany(q => q.Tags, (q, t) => new { QuestionId = q.Id, t.Slug }).ToListAsync(ct))
                .ToLookup(t => t.QuestionId, t => t.Slug);
            var bank = questions.Select(q => new BankQuestion(q.Id, q.Slug, q.Title, q.CategoryId, q.CategorySlug, q.CategoryTitle, q.CategoryOrder, q.Difficulty, q.IsRetired,
                [.. tags[q.Id]])).ToList();
            var snapshot = new Snapshot(generation, bank, bank.ToDictionary(q => q.Id));
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
