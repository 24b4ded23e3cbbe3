using InterviewPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>
/// The queries of the flashcards that track what they return, to change it, and the whole cards for stats and export:
/// EF Core, compiled once.
/// </summary>
/// <remarks>
/// A singleton, not static fields: a compiled query binds to the model of the first context it runs with
/// (dotnet/efcore#13483), and each host has a model of its own; the tests start many hosts in one process.
/// </remarks>
public sealed class FlashcardQueries
{
    /// <summary>The user's whole cards (not deleted), by id, not tracked: for stats and export.</summary>
    public Func<AppDbContext, string, IAsyncEnumerable<Flashcard>> CardsOf { get; } =
        EF.CompileAsyncQuery<AppDbContext, string, Flashcard>((db, userId) =>
            db.Flashcards.AsNoTracking().Where(c => c.UserId == userId && !c.IsDeleted).OrderBy(c => c.Id));

    /// <summary>The user's settings, tracked, to be changed.</summary>
    public Func<AppDbContext, string, CancellationToken, Task<FlashcardSettings?>> SettingsToChange { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken ct) =>
            db.FlashcardSettings.FirstOrDefault(s => s.UserId == userId));

    /// <summary>A card of the user, tracked, to be changed; deleted cards are not found.</summary>
    public Func<AppDbContext, string, int, CancellationToken, Task<Flashcard?>> CardToChange { get; } =
        EF.CompileAsyncQuery((AppDbContext db, string userId, int cardId, CancellationToken ct) =>
            db.Flashcards.FirstOrDefault(c => c.UserId == userId && c.Id == cardId && !c.IsDeleted));
}
