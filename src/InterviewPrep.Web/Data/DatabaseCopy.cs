using System.Reflection;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using InterviewPrep.Web.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InterviewPrep.Web.Data;

/// <summary>How far a copy has come: the table, and its rows copied out of all.</summary>
public readonly record struct CopyProgress(string Table, int Copied, int Total);

/// <summary>
/// Copies every row of the app's database into an empty PostgreSQL database: users with their password hashes,
/// interviews, practice, cards, the review log, feed tokens and the bank, keys and all, table by table in the order
/// their foreign keys need. The target gets its schema from the PostgreSQL migrations first; afterwards each table's
/// identity sequence continues after the highest id copied. The data-protection keys go too (from the data folder when
/// the source is SQLite), so that everyone stays signed in after the move.
/// </summary>
public sealed class DatabaseCopy(AppDbContext source, ILogger<DatabaseCopy> logger)
{
    private const int Batch = 500;

    private static readonly MethodInfo CopyTable = typeof(DatabaseCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task CopyToAsync(string targetConnection, IXmlRepository sourceKeys, IProgress<CopyProgress>? progress, CancellationToken ct)
    {
        await using var target = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(targetConnection).Options);
        await target.Database.MigrateAsync(ct);
        var tables = InsertOrder(target.Model);
        var design = target.GetService<IDesignTimeModel>().Model;
        int Seeded(IEntityType table) => design.FindEntityType(table.Name)?.GetSeedData().Count() ?? 0;
        foreach (var table in tables)
        {
            // Rows the migrations seed (the content revision) are there in a new database too.
            if (await CountAsync(target, table, ct) > Seeded(table))
            {
                throw new CopyException($"The target database is not empty: its table {table.GetTableName()} has rows. Copy into a new, empty database.");
            }
        }

        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            if (Seeded(table) > 0)
            {
                // The seeded rows are replaced by the source's own.
                var delete = $"DELETE FROM \"{table.GetTableName()}\"";
                await target.Database.ExecuteSqlRawAsync(delete, ct);
            }
            if (source.Model.FindEntityType(table.Name) is null)
            {
                // Kept outside the database on this source: only the keys are, in the data folder.
                await CopyKeysAsync(target, table, sourceKeys, progress, ct);
                continue;
            }
            var total = await CountAsync(source, table, ct);
            await (Task)CopyTable.MakeGenericMethod(table.ClrType).Invoke(this, [target, table, total, progress, ct])!;
            await ContinueIdentityAsync(target, table, ct);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Copied {Tables} tables into {Server}", tables.Count, new NpgsqlConnectionStringBuilder(targetConnection).Host);
    }

    private async Task CopyTableAsync<T>(PostgresDbContext target, IEntityType table, int total, IProgress<CopyProgress>? progress, CancellationToken ct)
        where T : class
    {
        var name = table.GetTableName()!;
        var rows = table.HasSharedClrType ? source.Set<T>(table.Name) : source.Set<T>();
        var into = table.HasSharedClrType ? target.Set<T>(table.Name) : target.Set<T>();
        var copied = 0;
        progress?.Report(new CopyProgress(name, 0, total));
        await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            into.Add(row);
            if (++copied % Batch == 0)
            {
                await SaveAsync(target, ct);
                progress?.Report(new CopyProgress(name, copied, total));
            }
        }
        await SaveAsync(target, ct);
        if (copied % Batch != 0)
        {
            progress?.Report(new CopyProgress(name, copied, total));
        }
    }

    private static async Task CopyKeysAsync(PostgresDbContext target, IEntityType table, IXmlRepository sourceKeys, IProgress<CopyProgress>? progress, CancellationToken ct)
    {
        if (table.ClrType != typeof(DataProtectionKey))
        {
            return;
        }
        var keys = sourceKeys.GetAllElements();
        foreach (var key in keys)
        {
            target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-" + key.Attribute("id")?.Value, Xml = key.ToString(SaveOptions.DisableFormatting) });
        }
        await SaveAsync(target, ct);
        progress?.Report(new CopyProgress(table.GetTableName()!, keys.Count, keys.Count));
    }

    private static async Task SaveAsync(PostgresDbContext target, CancellationToken ct)
    {
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
    }

    private static Task<int> CountAsync(AppDbContext db, IEntityType table, CancellationToken ct)
    {
        // The table's name is the model's, not input.
        var sql = $"SELECT count(*) AS \"Value\" FROM \"{table.GetTableName()}\"";
        return db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
    }

    /// <summary>An identity column's sequence goes on after the highest id copied, so that the next insert does not collide.</summary>
    private static async Task ContinueIdentityAsync(PostgresDbContext target, IEntityType table, CancellationToken ct)
    {
        var key = table.FindPrimaryKey();
        if (key is not { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } id] } || id.ClrType != typeof(int) && id.ClrType != typeof(long))
        {
            return;
        }
        var (name, column) = (table.GetTableName()!, id.GetColumnName());
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), coalesce((SELECT max(\"{column}\") FROM \"{name}\"), 0) + 1, false)";
        await target.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>The tables in an order in which every row's foreign keys point at rows already copied (a table's own rows aside).</summary>
    private static List<IEntityType> InsertOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < tables.Count)
        {
            var ready = tables.Where(t => !placed.Contains(t)
                && t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || placed.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The model's foreign keys form a cycle: " + string.Join(", ", tables.Where(t => !placed.Contains(t)).Select(t => t.Name)));
            }
            foreach (var table in ready.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
            {
                ordered.Add(table);
                placed.Add(table);
            }
        }
        return ordered;
    }
}

/// <summary>A copy that cannot be made; the message says why.</summary>
public sealed class CopyException(string message) : Exception(message);

/// <summary><c>dotnet run -- copy-database --to CONNECTION</c>: the configured database into an empty PostgreSQL one.</summary>
public static class CopyDatabaseCommand
{
    public static async Task<int> RunAsync(WebApplication app, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/InterviewPrep.Web -- copy-database --to \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseInitializer.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<IDatabaseLock>(), scope.ServiceProvider.GetRequiredService<ILogger<DatabaseCopy>>(), CancellationToken.None);
        try
        {
            var keys = scope.ServiceProvider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository
                ?? throw new InvalidOperationException("The data-protection keys have no repository configured.");
            await new DatabaseCopy(db, scope.ServiceProvider.GetRequiredService<ILogger<DatabaseCopy>>()).CopyToAsync(target, keys, new ConsoleProgress(), CancellationToken.None);
            await Console.Out.WriteLineAsync("Copied every row. Start the app with Database:Provider=Postgres and this connection string as ConnectionStrings:Default.");
            return 0;
        }
        catch (Exception ex) when (ex is CopyException or System.Data.Common.DbException or ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"copy-database failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>A line per report, written on the copying thread, so that the lines come out in order.</summary>
    private sealed class ConsoleProgress : IProgress<CopyProgress>
    {
        public void Report(CopyProgress value) =>
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value.Table}: {value.Copied:N0} of {value.Total:N0} rows"));
    }
}
