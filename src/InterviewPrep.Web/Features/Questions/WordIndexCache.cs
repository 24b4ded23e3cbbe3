using System.Diagnostics;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Holds the <see cref="WordIndex"/> of the current import generation. The first search after start or after an import
/// starts a build in the background (about a second of one core at 10,000 questions) and is answered by FTS5 meanwhile,
/// as is every search until the build is done: the site never waits for the index, and a search never sees a bank
/// older than the database's.
/// </summary>
public sealed class WordIndexCache(IServiceScopeFactory scopes, ContentImportStatus imports, IHostApplicationLifetime lifetime, ILogger<WordIndexCache> logger)
{
    private WordIndex? _current;
    private long _building = -1;

    /// <summary>The index of the current import generation, or null while it is being built (search with FTS5 then).</summary>
    public WordIndex? Current
    {
        get
        {
            var generation = imports.Generation;
            if (Volatile.Read(ref _current) is { } current && current.Generation == generation)
            {
                return current;
            }
            if (!imports.IsRunning && Interlocked.Exchange(ref _building, generation) != generation)
            {
                _ = Task.Run(() => BuildAsync(generation));
            }
            return null;
        }
    }

    /// <summary>Builds the index of the current generation now; for tests, which should not depend on timing.</summary>
    internal async Task<WordIndex> BuildNowAsync(CancellationToken ct)
    {
        var generation = imports.Generation;
        var index = await ReadAsync(generation, ct);
        Volatile.Write(ref _current, index);
        return index;
    }

    private async Task BuildAsync(long generation)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var index = await ReadAsync(generation, lifetime.ApplicationStopping);
            // An import that began meanwhile makes what was read out of date: the next search starts another build.
            if (imports.Generation == generation)
            {
                Volatile.Write(ref _current, index);
                logger.LogInformation("Search index of {Questions} questions and {Terms} terms built in {Elapsed} ms ({Size} KB)",
                    index.QuestionCount, index.TermCount, clock.ElapsedMilliseconds, index.Size / 1024);
            }
        }
        catch (Exception) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The app is stopping: the build is abandoned with it.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Searches go on with FTS5; the next generation tries again.
            logger.LogError(exception, "Building the search index in memory failed; searches use the full-text table");
        }
    }

    private async Task<WordIndex> ReadAsync(long generation, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // One statement, so one consistent snapshot of the table even if another process imports meanwhile.
        command.CommandText = """
            SELECT s.rowid, s.title, s.tags, s.body, c.Slug, q.Difficulty
            FROM QuestionSearch s JOIN Questions q ON q.Id = s.rowid JOIN Categories c ON c.Id = q.CategoryId
            ORDER BY s.rowid
            """;
        var builder = new WordIndex.Builder();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            builder.Add(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), (Difficulty)reader.GetInt32(5));
        }
        return builder.Build(generation);
    }
}
