using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: committed when it returns, rolled back (explicitly) when it throws.
    /// A transaction that is only disposed tells the <see cref="WriteGate"/> nothing, and the gate would stay taken
    /// until another writer gave up waiting for it (decision 0004): use this for every explicit transaction.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this AppDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }

    /// <inheritdoc cref="InTransactionAsync{T}"/>
    public static Task InTransactionAsync(this AppDbContext db, Func<Task> work, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, ct);
}
