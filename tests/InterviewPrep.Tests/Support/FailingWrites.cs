using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Support;

/// <summary>
/// A trigger that refuses a user's inserts into one table, as a full disk would: a write that fails for a reason other
/// than a lost race. DDL takes no parameters; the user id is a GUID the app made.
/// </summary>
public sealed class FailingWrites : IAsyncDisposable
{
    private readonly AppFactory _app;
    private readonly string _drop;

    private FailingWrites(AppFactory app, string drop) => (_app, _drop) = (app, drop);

    public static async Task<FailingWrites> OnAsync(AppFactory app, string table, string userId)
    {
        var name = "fail_" + table.ToLowerInvariant() + "_" + userId.Replace("-", "", StringComparison.Ordinal);
        var (create, drop) = app.OnPostgres
            ? ($"""
                CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$;
                CREATE TRIGGER {name} BEFORE INSERT ON "{table}" FOR EACH ROW WHEN (NEW."UserId" = '{userId}') EXECUTE FUNCTION {name}();
                """,
               $"DROP TRIGGER {name} ON \"{table}\"; DROP FUNCTION {name}();")
            : ($"CREATE TRIGGER {name} BEFORE INSERT ON {table} WHEN NEW.UserId = '{userId}' BEGIN SELECT RAISE(ABORT, 'the disk is full'); END",
               $"DROP TRIGGER {name}");
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(create));
        return new FailingWrites(app, drop);
    }

    public async ValueTask DisposeAsync() => await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(_drop));
}
