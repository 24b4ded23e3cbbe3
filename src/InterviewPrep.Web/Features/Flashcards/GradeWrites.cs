using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// A grade's write: the card inserted (a first grade) or updated only where its version is still the one shown, then its
/// review logged, in one transaction. Each provider registers one implementation.
/// </summary>
public interface IGradeWrites
{
    /// <summary>
    /// Inserts a new card and its first review; their ids are set. False when another request made the user's card of
    /// that question first (the unique index on user and question): nothing is written.
    /// </summary>
    Task<bool> InsertAsync(Flashcard card, ReviewLog log, CancellationToken ct);

    /// <summary>
    /// Saves a graded card whose version was <paramref name="shown"/>, and its review; the log's id is set. False when
    /// the card is no longer at that version (a double click, a replayed form, another tab): nothing is written.
    /// </summary>
    Task<bool> UpdateAsync(Flashcard card, int shown, ReviewLog log, CancellationToken ct);
}

/// <summary>The grade's write through EF Core, on any provider.</summary>
internal sealed class GradeWrites(AppDbContext db, DatabaseWrites writes) : IGradeWrites
{
    public async Task<bool> InsertAsync(Flashcard card, ReviewLog log, CancellationToken ct)
    {
        db.Flashcards.Add(card);
        log.Card = card;
        db.ReviewLogs.Add(log);
        try
        {
            await writes.SaveAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            return false;
        }
        finally
        {
            db.Entry(log).State = EntityState.Detached;
            db.Entry(card).State = EntityState.Detached;
            log.Card = null;
        }
    }

    public async Task<bool> UpdateAsync(Flashcard card, int shown, ReviewLog log, CancellationToken ct)
    {
        try
        {
            return await writes.RunAsync(async () =>
            {
                var updated = await db.Flashcards
                    .Where(c => c.Id == card.Id && c.UserId == card.UserId && c.Version == shown && !c.IsDeleted)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(c => c.State, card.State)
                        .SetProperty(c => c.DueUtc, card.DueUtc)
                        .SetProperty(c => c.Stability, card.Stability)
                        .SetProperty(c => c.Difficulty, card.Difficulty)
                        .SetProperty(c => c.ElapsedDays, card.ElapsedDays)
                        .SetProperty(c => c.ScheduledDays, card.ScheduledDays)
                        .SetProperty(c => c.Reps, card.Reps)
                        .SetProperty(c => c.Lapses, card.Lapses)
                        .SetProperty(c => c.LearningStep, card.LearningStep)
                        .SetProperty(c => c.LastReviewUtc, card.LastReviewUtc)
                        .SetProperty(c => c.IsSuspended, card.IsSuspended)
                        .SetProperty(c => c.BuriedUntilUtc, card.BuriedUntilUtc)
                        .SetProperty(c => c.IsLeech, card.IsLeech)
                        .SetProperty(c => c.Version, card.Version), ct);
                if (updated == 0)
                {
                    return false;
                }
                db.ReviewLogs.Add(log);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            return false;
        }
        finally
        {
            db.Entry(log).State = EntityState.Detached;
        }
    }
}
