using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Web.Features.Content;

/// <summary>
/// One row counting the imports that changed the bank. An import in another process (<c>-- import</c> while the
/// site runs) changes it too, which is how the site learns that its caches are out of date.
/// </summary>
public sealed class ContentRevision
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public long Number { get; set; }
}

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder) =>
        builder.HasData(new ContentRevision { Id = ContentRevision.SingleId, Number = 0 });
}

/// <summary>
/// Looks at the content revision at most every two seconds, on requests; when another process has imported,
/// it clears the cached pages and moves the import generation on, so that every cache of the bank is rebuilt.
/// </summary>
public sealed class ContentRevisionWatcher(IServiceScopeFactory scopes, ContentImportStatus imports, IOutputCacheStore outputCache, TimeProvider time, ILogger<ContentRevisionWatcher> logger)
    : IHostedService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private int _checking;
    private long _seen = -1;
    private long _nextCheckAt;

    /// <summary>
    /// The revision at start, read after the migrations and before any cache of the bank is built (the services that build
    /// them start after this one). Taken at the first look instead, an import by another process between the caches'
    /// building and that look would be taken for the revision they were built from, and never seen.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var number = await db.Set<ContentRevision>().Where(r => r.Id == ContentRevision.SingleId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        Interlocked.CompareExchange(ref _seen, number, -1);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask CheckAsync(CancellationToken ct)
    {
        var now = time.GetTimestamp();
        if (now < Interlocked.Read(ref _nextCheckAt) || Interlocked.CompareExchange(ref _checking, 1, 0) != 0)
        {
            return; // checked a moment ago, or another request is checking
        }
        try
        {
            Interlocked.Exchange(ref _nextCheckAt, now + (long)(Interval.TotalSeconds * time.TimestampFrequency));
            var generation = imports.Generation;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var number = await db.Set<ContentRevision>().Where(r => r.Id == ContentRevision.SingleId).Select(r => r.Number).FirstOrDefaultAsync(ct);
            if (imports.IsRunning || imports.Generation != generation)
            {
                // An import in this process runs, or began or ended during the read: the number may be from before it. That
                // import records the revision it writes (Imported) and clears the caches itself.
                return;
            }
            var seen = Interlocked.Exchange(ref _seen, number);
            if (seen >= 0 && seen != number)
            {
                logger.LogInformation("The question bank was changed by another import (revision {Number}); cached pages are rebuilt", number);
                imports.Changed();
                await outputCache.EvictByTagAsync(Infrastructure.AnonymousPageCache.ContentTag, ct);
            }
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    /// <summary>
    /// The revision this process's own import wrote, called before the import ends: its caches are cleared by the import
    /// itself, so the next check must not take that revision for another process's import (which cleared everything a
    /// second time, and built every question page twice).
    /// </summary>
    internal void Imported(long number) => Interlocked.Exchange(ref _seen, number);
}
