using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: committed when it returns, rolled back (explicitly) when it throws.
    /// A transaction that is only disposed tells the <see cref="WriteGate"/> nothing, and the gate would stay taken
    /// until another writer gave up waiting for it (decision 0004): use this for every explicit transaction.
    /// </summary>
    public static async Task InTransactionAsync(this AppDbContext db, Func<Task> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await work();
            await transaction.CommitAsync(ct);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
