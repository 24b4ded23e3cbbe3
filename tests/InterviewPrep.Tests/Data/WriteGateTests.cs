using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Tests.Support;
using InterviewPrep.Tests.Flashcards;
using InterviewPrep.Web.Data;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Data;

/// <summary>Writers in the app queue for one another instead of meeting SQLite's lock (and its 150 ms retry sleep).</summary>
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

    private async Task<Task> SaveTagInOtherContextAsync(string slug)
    {
        var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Tags.Add(new Tag { Slug = slug });
        var save = db.SaveChangesAsync();
        await Task.WhenAny(save, Task.Delay(400));
        return save.ContinueWith(_ => scope.DisposeAsync().AsTask(), TaskScheduler.Default).Unwrap();
    }

    [Fact]
    public async Task ASaveWaitsForAnOpenTransactionEvenBeforeItHasWritten()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A deferred BEGIN takes no SQLite lock: only the gate can hold the second writer back here.
        var transaction = await first.Database.BeginTransactionAsync();

        var second = await SaveTagInOtherContextAsync("queued-behind");
        var waited = !second.IsCompleted;
        await transaction.CommitAsync();
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(waited, "the second writer did not wait for the open transaction");
        Assert.True(await _app.QueryAsync(db => db.Tags.AnyAsync(t => t.Slug == "queued-behind")));
    }

    [Fact]
    public async Task ATransactionLeftWithoutCommitOrRollbackLetsTheNextWriterIn()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await first.Database.BeginTransactionAsync();
            first.Tags.Add(new Tag { Slug = "never-committed" });
            await first.SaveChangesAsync();
            // Disposed here without a commit, as on an exception.
        }

        var second = await SaveTagInOtherContextAsync("after-the-abandoned-one");
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(await _app.QueryAsync(db => db.Tags.AnyAsync(t => t.Slug == "never-committed")));
        Assert.True(await _app.QueryAsync(db => db.Tags.AnyAsync(t => t.Slug == "after-the-abandoned-one")));
    }

    [Fact]
    public async Task ASaveThatLosesAConcurrencyRaceLetsGoOfTheGate()
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

        await first.SaveChangesAsync();
        // With its connection already open (as after an earlier query of a request), the losing save's closing
        // connection does not let go of the gate either.
        await second.Database.OpenConnectionAsync();
        // EF Core reports this failure only as a concurrency exception about to be thrown, not as a failed save.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // Before, the loser kept the gate, and every later write in the app waited the full 30 s for it.
        Assert.True(_app.Services.GetRequiredService<WriteGate>().IsFree, "the losing save kept the write gate");
        await second.Database.CloseConnectionAsync();
        var next = await SaveTagInOtherContextAsync("after-a-lost-race");
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
