using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Data.Configurations;
using Microsoft.Data.Sqlite;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// A grade's write as statements prepared once, in one transaction of a group commit (<see cref="PreparedWrites"/>, decision 0009): the card inserted (a first grade) or updated only
/// where its version is still the one shown, then its review logged. The columns are EF Core's model of
/// <see cref="Flashcard"/> and <see cref="ReviewLog"/>; the tests read what is written here back through EF Core.
/// </summary>
internal sealed class SqliteGradeWrites(PreparedWrites writes) : IGradeWrites
{
    /// <summary>Every column of a card but its id (a test checks that none is missing).</summary>
    internal const string InsertCardTemplate = """
        INSERT INTO [Flashcard] ([Flashcard.UserId], [Flashcard.QuestionId], [Flashcard.Front], [Flashcard.BackMarkdown], [Flashcard.BackHtml],
            [Flashcard.Tags], [Flashcard.AskedQuestionId], [Flashcard.State], [Flashcard.DueUtc], [Flashcard.Stability], [Flashcard.Difficulty],
            [Flashcard.ElapsedDays], [Flashcard.ScheduledDays], [Flashcard.Reps], [Flashcard.Lapses], [Flashcard.LearningStep],
            [Flashcard.LastReviewUtc], [Flashcard.IsSuspended], [Flashcard.BuriedUntilUtc], [Flashcard.IsLeech], [Flashcard.IsDeleted],
            [Flashcard.Version], [Flashcard.CreatedAtUtc])
        VALUES ($user, $question, $front, $backMarkdown, $backHtml, $tags, $asked, $state, $due, $stability,
            $difficulty, $elapsed, $scheduled, $reps, $lapses, $step, $last, $suspended, $buried, $leech,
            $deleted, $version, $created)
        RETURNING [Flashcard.Id]
        """;

    private static readonly string InsertCard = ModelSql.Resolve(InsertCardTemplate);

    // The card's memory and flags, where it is still the version shown (and still the user's).
    private static readonly string UpdateCard = ModelSql.Resolve("""
        UPDATE [Flashcard] SET [Flashcard.State] = $state, [Flashcard.DueUtc] = $due, [Flashcard.Stability] = $stability,
            [Flashcard.Difficulty] = $difficulty, [Flashcard.ElapsedDays] = $elapsed, [Flashcard.ScheduledDays] = $scheduled,
            [Flashcard.Reps] = $reps, [Flashcard.Lapses] = $lapses, [Flashcard.LearningStep] = $step, [Flashcard.LastReviewUtc] = $last,
            [Flashcard.IsSuspended] = $suspended, [Flashcard.BuriedUntilUtc] = $buried, [Flashcard.IsLeech] = $leech, [Flashcard.Version] = $version
        WHERE [Flashcard.Id] = $id AND [Flashcard.UserId] = $user AND [Flashcard.Version] = $shown AND NOT [Flashcard.IsDeleted]
        """);

    /// <summary>Every column of a review but its id (a test checks that none is missing).</summary>
    internal const string InsertLogTemplate = """
        INSERT INTO [ReviewLog] ([ReviewLog.UserId], [ReviewLog.FlashcardId], [ReviewLog.Kind], [ReviewLog.Grade], [ReviewLog.ReviewedAtUtc],
            [ReviewLog.DurationMs], [ReviewLog.CardVersion], [ReviewLog.UndoesId], [ReviewLog.Deck], [ReviewLog.Before], [ReviewLog.After],
            [ReviewLog.StateBefore])
        VALUES ($user, $card, $kind, $grade, $at, $duration, $version, $undoes, $deck, $before, $after, $stateBefore)
        RETURNING [ReviewLog.Id]
        """;

    private static readonly string InsertLog = ModelSql.Resolve(InsertLogTemplate);

    /// <summary>
    /// Inserts a new card and its first review; their ids are set. False when another request made the user's card of
    /// that question first (the unique index on user and question): nothing is written.
    /// </summary>
    public Task<bool> InsertAsync(Flashcard card, ReviewLog log, CancellationToken ct) => WriteAsync(statements =>
    {
        var insert = statements.Command(InsertCard);
        PreparedReads.Set(insert, "$user", card.UserId);
        PreparedReads.Set(insert, "$question", card.QuestionId);
        PreparedReads.Set(insert, "$front", card.Front);
        PreparedReads.Set(insert, "$backMarkdown", card.BackMarkdown);
        PreparedReads.Set(insert, "$backHtml", card.BackHtml);
        PreparedReads.Set(insert, "$tags", card.Tags);
        PreparedReads.Set(insert, "$asked", card.AskedQuestionId);
        PreparedReads.Set(insert, "$deleted", card.IsDeleted);
        PreparedReads.Set(insert, "$created", card.CreatedAtUtc);
        SetMemory(insert, card);
        card.Id = Convert.ToInt32(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        log.FlashcardId = card.Id;
        Log(statements, log);
    }, ct);

    /// <summary>
    /// Saves a graded card whose version was <paramref name="shown"/>, and its review; the log's id is set. False when
    /// the card is no longer at that version (a double click, a replayed form, another tab): nothing is written.
    /// </summary>
    public Task<bool> UpdateAsync(Flashcard card, int shown, ReviewLog log, CancellationToken ct) => WriteAsync(statements =>
    {
        var update = statements.Command(UpdateCard);
        PreparedReads.Set(update, "$id", card.Id);
        PreparedReads.Set(update, "$user", card.UserId);
        PreparedReads.Set(update, "$shown", shown);
        SetMemory(update, card);
        if (update.ExecuteNonQuery() == 0)
        {
            return false;
        }
        Log(statements, log);
        return true;
    }, ct);

    private async Task<bool> WriteAsync(Func<PreparedWrites.Statements, bool> write, CancellationToken ct)
    {
        try
        {
            return await writes.WriteAsync(write, ct);
        }
        catch (SqliteException e) when (e.IsLostRace())
        {
            return false;
        }
    }

    private Task<bool> WriteAsync(Action<PreparedWrites.Statements> write, CancellationToken ct) => WriteAsync(statements =>
    {
        write(statements);
        return true;
    }, ct);

    private static void SetMemory(SqliteCommand command, Flashcard card)
    {
        PreparedReads.Set(command, "$state", (int)card.State);
        PreparedReads.Set(command, "$due", card.DueUtc);
        PreparedReads.Set(command, "$stability", card.Stability);
        PreparedReads.Set(command, "$difficulty", card.Difficulty);
        PreparedReads.Set(command, "$elapsed", card.ElapsedDays);
        PreparedReads.Set(command, "$scheduled", card.ScheduledDays);
        PreparedReads.Set(command, "$reps", card.Reps);
        PreparedReads.Set(command, "$lapses", card.Lapses);
        PreparedReads.Set(command, "$step", card.LearningStep);
        PreparedReads.Set(command, "$last", card.LastReviewUtc);
        PreparedReads.Set(command, "$suspended", card.IsSuspended);
        PreparedReads.Set(command, "$buried", card.BuriedUntilUtc);
        PreparedReads.Set(command, "$leech", card.IsLeech);
        PreparedReads.Set(command, "$version", card.Version);
    }

    private static void Log(PreparedWrites.Statements statements, ReviewLog log)
    {
        var insert = statements.Command(InsertLog);
        PreparedReads.Set(insert, "$user", log.UserId);
        PreparedReads.Set(insert, "$card", log.FlashcardId);
        PreparedReads.Set(insert, "$kind", log.Kind.ToString());
        PreparedReads.Set(insert, "$grade", log.Grade is { } grade ? (int)grade : null);
        PreparedReads.Set(insert, "$at", log.ReviewedAtUtc);
        PreparedReads.Set(insert, "$duration", log.DurationMs);
        PreparedReads.Set(insert, "$version", log.CardVersion);
        PreparedReads.Set(insert, "$undoes", log.UndoesId);
        PreparedReads.Set(insert, "$deck", log.Deck);
        PreparedReads.Set(insert, "$before", CardSnapshotJson.Write(log.Before));
        PreparedReads.Set(insert, "$after", CardSnapshotJson.Write(log.After));
        PreparedReads.Set(insert, "$stateBefore", (int)log.StateBefore);
        log.Id = (long)insert.ExecuteScalar()!;
    }
}
