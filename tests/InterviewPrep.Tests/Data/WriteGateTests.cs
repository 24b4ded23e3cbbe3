using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Tests.Support;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Data;

/// <summary>On SQLite, units of work queue for one another instead of meeting SQLite's lock (and its 150 ms retry sleep).</summary>
[Trait("Provider", "Sqlite")]
public sealed class QueueingWriters : IDisposable
{
    private readonly TestContent _content = TestContent.Sample();
    private readonly AppFactory _app;

    public QueueingWriters() => _app = new AppFactory(_content);

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private WriteGate Gate => _app.Services.GetRequiredService<WriteGate>();

    /// <summary>Saves a tag as a unit of its own in another scope; returns once it has had 400 ms to finish, with the save.</summary>
    private async Task<Task> SaveTagInOtherScopeAsync(string slug)
    {
        var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Tags.Add(new Tag { Slug = slug });
        var save = scope.ServiceProvider.GetRequiredService<DatabaseWrites>().SaveAsync(CancellationToken.None);
        await Task.WhenAny(save, Task.Delay(400));
        return save.ContinueWith(_ => scope.DisposeAsync().AsTask(), TaskScheduler.Default).Unwrap();
    }

    [Fact]
    public async Task AUnitWaitsForAnOpenUnitEvenBeforeThatHasWritten()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var release = new TaskCompletionSource();
        // A deferred BEGIN takes no SQLite lock: only the queue can hold the second writer back here.
        var first = scope.ServiceProvider.GetRequiredService<DatabaseWrites>().RunAsync(() => release.Task, CancellationToken.None);

        var second = await SaveTagInOtherScopeAsync("queued-behind");
        var waited = !second.IsCompleted;
        release.SetResult();
        await first;
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waited, "the second writer did not wait for the open unit");
        Assert.True(await _app.QueryAsync(db => db.Tags.AnyAsync(t => t.Slug == "queued-behind")));
        Assert.True(Gate.IsFree);
    }

    [Fact]
    public async Task AUnitThatThrowsIsRolledBackAndLetsTheNextWriterIn()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DatabaseWrites>().RunAsync(async () =>
            {
                db.Tags.Add(new Tag { Slug = "never-committed" });
                await db.SaveChangesAsync();
                throw new InvalidOperationException("as on an error half way");
            }, CancellationToken.None));
            Assert.True(Gate.IsFree, "the failed unit kept the queue");
        }

        var second = await SaveTagInOtherScopeAsync("after-the-abandoned-one");
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(await _app.QueryAsync(db => db.Tags.AnyAsync(t => t.Slug == "never-committed")));
        Assert.True(await _app.QueryAsync(db => db.Tags.AnyAsync(t => t.Slug == "after-the-abandoned-one")));
    }

    [Fact]
    public async Task ASaveThatLosesAConcurrencyRaceLetsGoOfTheQueue()
    {
        var (_, userId) = await _app.UserAsync();
        await _app.QueryAsync(db =>
        {
            db.FlashcardSettings.Add(new FlashcardSettings { UserId = userId });
            return db.SaveChangesAsync();
        });
        await using var firstScope = _app.Services.CreateAsyncScope();
        await using var secondScope = _app.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await first.FlashcardSettings.SingleAsync(s => s.UserId == userId);
        var theirs = await second.FlashcardSettings.SingleAsync(s => s.UserId == userId);
        (mine.NewPerDay, mine.Version) = (5, mine.Version + 1);
        (theirs.NewPerDay, theirs.Version) = (7, theirs.Version + 1);

        await firstScope.ServiceProvider.GetRequiredService<DatabaseWrites>().SaveAsync(CancellationToken.None);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondScope.ServiceProvider.GetRequiredService<DatabaseWrites>().SaveAsync(CancellationToken.None));

        Assert.True(Gate.IsFree, "the losing save kept the write queue");
        var next = await SaveTagInOtherScopeAsync("after-a-lost-race");
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

/// <summary>On PostgreSQL, a unit that loses to another transaction runs again instead of failing the request.</summary>
[Trait("Provider", "Postgres")]
public sealed class RetryingConflictingWriters : IDisposable
{
    private readonly TestContent _content = TestContent.Sample();
    private readonly AppFactory _app;

    public RetryingConflictingWriters() => _app = new AppFactory(_content);

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    [Fact]
    public async Task TwoUnitsThatLockTheSameRowsInOppositeOrderBothCommit()
    {
        Assert.True(_app.OnPostgres, "this test needs the PostgreSQL run");
        var (a, b) = await _app.QueryAsync(async db =>
        {
            db.Tags.AddRange(new Tag { Slug = "deadlock-a" }, new Tag { Slug = "deadlock-b" });
            await db.SaveChangesAsync();
            return (await db.Tags.Where(t => t.Slug == "deadlock-a").Select(t => t.Id).SingleAsync(), await db.Tags.Where(t => t.Slug == "deadlock-b").Select(t => t.Id).SingleAsync());
        });
        var firstLocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondLocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = new int[2];

        // Each locks one row, waits until the other has locked the other row (on its first try only), then takes that
        // one too: PostgreSQL finds the deadlock and fails one of them, which runs again once the other has committed.
        Task Unit(int me, int mine, int theirs, TaskCompletionSource locked, TaskCompletionSource other) => Task.Run(async () =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await scope.ServiceProvider.GetRequiredService<DatabaseWrites>().RunAsync(async () =>
            {
                var attempt = Interlocked.Increment(ref attempts[me]);
                await db.Tags.Where(t => t.Id == mine).ExecuteUpdateAsync(s => s.SetProperty(t => t.Slug, t => t.Slug + "+"));
                if (attempt == 1)
                {
                    locked.TrySetResult();
                    await other.Task.WaitAsync(TimeSpan.FromSeconds(10));
                }
                await db.Tags.Where(t => t.Id == theirs).ExecuteUpdateAsync(s => s.SetProperty(t => t.Slug, t => t.Slug + "+"));
            }, CancellationToken.None);
        });

        await Task.WhenAll(Unit(0, a, b, firstLocked, secondLocked), Unit(1, b, a, secondLocked, firstLocked)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, attempts[0] + attempts[1]);
        var slugs = await _app.QueryAsync(db => db.Tags.Where(t => t.Id == a || t.Id == b).OrderBy(t => t.Id).Select(t => t.Slug).ToListAsync());
        Assert.Equal(["deadlock-a++", "deadlock-b++"], slugs);
    }
}
