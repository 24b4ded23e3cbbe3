using System.Diagnostics;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Holds the <see cref="WordIndex"/> of the bank, read from the questions in the database: built at start, before the
/// app reports healthy, and again after each import (about a second of one core at 10,000 questions). A search waits
/// for the build of the bank as the database has it; while an import runs, searches use the index of the bank before it,
/// as every page shows that bank until the import commits.
/// </summary>
public sealed class WordIndexCache(IServiceScopeFactory scopes, ContentImportStatus imports, IHostApplicationLifetime lifetime, ILogger<WordIndexCache> logger)
{
    private readonly Lock _lock = new();
    private WordIndex? _current;
    private (long Generation, Task<WordIndex> Task)? _building;

    /// <summary>Whether an index has been built: until then, the app is not ready.</summary>
    public bool IsBuilt => Volatile.Read(ref _current) is not null;

    /// <summary>The index of the bank as the database has it, built first if it is not yet.</summary>
    public Task<WordIndex> GetAsync(CancellationToken ct)
    {
        var generation = imports.Generation;
        if (Volatile.Read(ref _current) is { } current && (current.Generation == generation || imports.IsRunning))
        {
            return Task.FromResult(current);
        }
        return Build(generation).WaitAsync(ct);
    }

    /// <summary>Builds the index of the current generation now, whatever is held; for tests, which should not depend on timing.</summary>
    internal Task<WordIndex> BuildNowAsync(CancellationToken ct) => Build(imports.Generation, again: true).WaitAsync(ct);

    /// <summary>One build per generation at a time, shared by every search that waits for it.</summary>
    private Task<WordIndex> Build(long generation, bool again = false)
    {
        lock (_lock)
        {
            if (!again && _building is { } building && building.Generation == generation && !building.Task.IsFaulted)
            {
                return building.Task;
            }
            var task = Task.Run(() => BuildAsync(generation));
            _building = (generation, task);
            return task;
        }
    }

    private async Task<WordIndex> BuildAsync(long generation)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var index = await ReadAsync(generation, lifetime.ApplicationStopping);
            // An index of an older generation than the one held is not put in its place.
            if (Volatile.Read(ref _current) is not { } current || current.Generation <= generation)
            {
                Volatile.Write(ref _current, index);
            }
            logger.LogInformation("Search index of {Questions} questions and {Terms} terms built in {Elapsed} ms ({Size} KB)",
                index.QuestionCount, index.TermCount, clock.ElapsedMilliseconds, index.Size / 1024);
            return index;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogError(exception, "Building the search index failed; the next search tries again");
            throw;
        }
    }

    private async Task<WordIndex> ReadAsync(long generation, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Two reads: should another process import between them, its change of the content revision makes this index
        // out of date at once, and the next search builds another.
        var tags = new Dictionary<int, List<string>>();
        await foreach (var link in db.Questions.AsNoTracking().Where(q => !q.IsRetired)
            .SelectMany(q => q.Tags, (q, t) => new { q.Id, t.Slug }).AsAsyncEnumerable().WithCancellation(ct))
        {
            (tags.TryGetValue(link.Id, out var list) ? list : tags[link.Id] = []).Add(link.Slug);
        }
        var builder = new WordIndex.Builder();
        await foreach (var q in db.Questions.AsNoTracking().Where(q => !q.IsRetired).OrderBy(q => q.Id)
            .Select(q => new { q.Id, q.Title, q.SearchText, Category = q.Category.Slug, q.Difficulty }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var slugs = tags.TryGetValue(q.Id, out var list) ? string.Join(' ', list.Order(StringComparer.Ordinal)) : "";
            builder.Add(q.Id, q.Title, slugs, q.SearchText, q.Category, q.Difficulty);
        }
        return builder.Build(generation);
    }
}

/// <summary>Builds the search index as soon as the app has started, so that the first search does not wait for it.</summary>
internal sealed class WordIndexWarmUp(WordIndexCache cache, ContentImportStatus imports, ILogger<WordIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await cache.GetAsync(stoppingToken);
            // And again once the import at start-up has committed, if it changed anything.
            await imports.StartupImport.WaitAsync(stoppingToken);
            await cache.GetAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The search index could not be built at start; the first search tries again");
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}

/// <summary>Healthy once the search index is built: an instance is not ready to serve searches before.</summary>
internal sealed class SearchIndexHealthCheck(WordIndexCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.IsBuilt ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the search index is being built"));
}
