using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// Every live question's page as an anonymous visitor sees it, built in the background after each import and kept as
/// a file in the data folder, so that even a page nobody has asked for since the import is sent as bytes that are
/// already made (decision 0011). It follows the output cache's rules: a page counts only for the import generation it
/// was built in, none is built or served while an import runs, and signed-in visitors always get the page built for
/// them. A page not built yet is built on request as before.
/// </summary>
public sealed class PrebuiltQuestionPages(
    InProcessRequests requests,
    BankCatalog catalog,
    ContentImportStatus imports,
    IOptions<ContentOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<PrebuiltQuestionPages> logger) : BackgroundService
{
    private const string Prefix = "/questions/";
    private Batch? _batch;

    /// <summary>The pages built for one generation: their folder, and each page's slug and length.</summary>
    private sealed record Batch(long Generation, string Directory, ConcurrentDictionary<string, int> Pages)
    {
        public readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BySlug = Pages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The folder the pages are written to; it is emptied at start-up, since its pages belong to a past run.</summary>
    public string Root => Path.Combine(storage.Value.DataDirectory, "pages");

    /// <summary>Whether every live question's page of the current generation is built.</summary>
    public bool IsComplete => Interlocked.Read(ref _completeGeneration) == imports.Generation;

    private long _completeGeneration = -1;

    /// <summary>Sends the built page for an anonymous GET or HEAD of <c>/questions/{slug}</c>, or passes the request on.</summary>
    public Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (Volatile.Read(ref _batch) is not { } batch || batch.Generation != imports.Generation // an import moves the generation on as it starts
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.QueryString.HasValue
            || context.User.Identity?.IsAuthenticated == true
            || request.Path.Value is not { } path || !path.StartsWith(Prefix, StringComparison.Ordinal)
            || !batch.BySlug.TryGetValue(path.AsSpan(Prefix.Length), out var length))
        {
            return next(context);
        }
        return SendAsync(context, next, Path.Combine(batch.Directory, string.Concat(path.AsSpan(Prefix.Length), ".html")), length);
    }

    private static async Task SendAsync(HttpContext context, RequestDelegate next, string file, int length)
    {
        // Read whole before anything is sent (Kestrel sends the headers when the body's buffer is first asked for), so
        // that a file gone or changed since the look-up can still be answered by building the page.
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!TryRead(file, buffer.AsSpan(0, length)))
            {
                await next(context);
                return;
            }
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.BodyWriter.WriteAsync(buffer.AsMemory(0, length), context.RequestAborted);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Fills the buffer with the file (about 12 KB, in the OS's cache); false when it is gone or not that long.</summary>
    private static bool TryRead(string file, Span<byte> buffer)
    {
        try
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var read = 0;
            while (read < buffer.Length && RandomAccess.Read(handle, buffer[read..], read) is var count and > 0)
            {
                read += count;
            }
            return read == buffer.Length && RandomAccess.GetLength(handle) == buffer.Length;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false; // the batch was replaced and its folder removed between the look-up and the read
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stop = stoppingToken;
        if (!options.Value.PrebuildQuestionPages)
        {
            return;
        }
        try
        {
            await imports.StartupImport.WaitAsync(stop);
            RemoveFolder(Root);
            while (!stop.IsCancellationRequested)
            {
                var next = imports.NextGeneration;
                var generation = imports.Generation;
                // Read once: a server that became ready between two readings left the loop waiting for the next import
                // without having built this generation's pages (seen in CI as a test that waited in vain).
                var ready = requests.IsReady;
                if (!imports.IsRunning && Volatile.Read(ref _batch)?.Generation != generation && ready)
                {
                    await BuildAsync(generation, stop); // once per generation, even when it fails
                }
                await (ready ? next : Task.Delay(TimeSpan.FromMilliseconds(100), stop)).WaitAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task BuildAsync(long generation, CancellationToken stop)
    {
        var batch = new Batch(generation, Path.Combine(Root, $"g{generation}-{Guid.NewGuid():N}"), new(StringComparer.Ordinal));
        var clock = Stopwatch.StartNew();
        try
        {
            logger.LogDebug("Building the question pages of import generation {Generation}", generation);
            var snapshot = await catalog.GetAsync(stop);
            if (snapshot.Generation != generation)
            {
                // Moved on while the catalog was read; the loop comes back for the new generation.
                logger.LogDebug("The bank moved on to generation {Now} while generation {Generation} was read", snapshot.Generation, generation);
                return;
            }
            Directory.CreateDirectory(batch.Directory);
            if (Interlocked.Exchange(ref _batch, batch) is { } previous)
            {
                RemoveFolder(previous.Directory);
            }
            foreach (var question in snapshot.Questions)
            {
                if (imports.Generation != generation || imports.IsRunning)
                {
                    logger.LogDebug("An import began or the bank moved on while the pages of generation {Generation} were built", generation);
                    return;
                }
                if (question.IsRetired || !IsPlainSlug(question.Slug))
                {
                    continue;
                }
                var answer = await requests.GetAsync(Prefix + question.Slug, stop);
                // As for the output cache: only a complete page that sets no cookie, built wholly within this generation.
                if (answer.StatusCode != StatusCodes.Status200OK || answer.SetsCookie || imports.Generation != generation || imports.IsRunning)
                {
                    continue;
                }
                await File.WriteAllBytesAsync(Path.Combine(batch.Directory, question.Slug + ".html"), answer.Body, stop);
                batch.Pages[question.Slug] = answer.Body.Length;
            }
            logger.LogInformation("Built {Count} question pages ahead of their first visit in {Seconds:0.0} s", batch.Pages.Count, clock.Elapsed.TotalSeconds);
            Interlocked.Exchange(ref _completeGeneration, generation);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // A full disk, a folder that cannot be written or a database that cannot be read: pages are built on
            // request, as without this, until the next import tries again. Thrown on, it would stop the whole app.
            Interlocked.CompareExchange(ref _batch, null, batch);
            logger.LogWarning("Question pages could not be built ahead of their first visit ({Reason}); they are built on request", ex.Message);
            RemoveFolder(batch.Directory);
        }
    }

    /// <summary>Only letters, digits and hyphens: a slug that can be a file name as it is.</summary>
    private static bool IsPlainSlug(string slug) => slug.Length is > 0 and <= 200 && !slug.AsSpan().ContainsAnyExcept(SlugCharacters);

    private static readonly SearchValues<char> SlugCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private void RemoveFolder(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Old question pages in {Directory} could not be removed ({Reason})", directory, ex.Message);
        }
    }
}
