using InterviewPrep.Web.Data.Sqlite;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Data;

/// <summary>Reads and writes with statements prepared once on kept connections (<see cref="PreparedReads"/>, <see cref="PreparedWrites"/>).</summary>
[Trait("Provider", "Sqlite")]
public sealed class KeptStatements : IDisposable
{
    private const string TitleOf = "SELECT Title FROM Questions WHERE Slug = $slug";
    private const string Rename = "UPDATE Questions SET Title = $title WHERE Slug = $slug";
    private readonly TestContent _content = TestContent.Sample();
    private readonly AppFactory _app;
    private readonly PreparedReads _reads;
    private readonly PreparedWrites _writes;

    public KeptStatements()
    {
        _app = new AppFactory(_content);
        _reads = _app.Services.GetRequiredService<PreparedReads>();
        _writes = _app.Services.GetRequiredService<PreparedWrites>();
    }

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private string? Title(string slug) =>
        _reads.Read(TitleOf, command => PreparedReads.Set(command, "$slug", slug), row => row.Read() ? row.GetString(0) : null);

    /// <summary>The same read through Microsoft.Data.Sqlite's kept command, or through SQLite's own API.</summary>
    private string? TitleThrough(bool ownApi, string slug) => ownApi ? RawTitle(slug) : Title(slug);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AKeptStatementIsResetAfterEachReadAndSeesWhatWasWrittenAfterItWasPrepared(bool ownApi)
    {
        Assert.Equal("What is overfitting, and how do you detect it?", TitleThrough(ownApi, "overfitting"));
        // Left mid-row above (one step of a one-row result): reset, it starts again with the new binding.
        Assert.Equal("Explain the bias-variance tradeoff", TitleThrough(ownApi, "bias-variance-tradeoff"));

        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Questions SET Title = 'Renamed é' WHERE Slug = 'overfitting'"));

        Assert.Equal("Renamed é", TitleThrough(ownApi, "overfitting"));
        Assert.Null(TitleThrough(ownApi, "no-such-question"));
    }

    [Fact]
    public async Task TextsAreReadFromTheirStartWholeCharactersOnlyAndWholeWhenTheStartIsNotEnough()
    {
        // "é" is two bytes and "𝑥" four: a start of 5 bytes holds "ab" and "é" but not the half of "𝑥" that follows.
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE Texts (Id INTEGER PRIMARY KEY, Body TEXT NOT NULL); INSERT INTO Texts VALUES (1, 'abé𝑥 and more'), (2, 'short'), (4, 'aé𝑥𝑥')"));
        var seen = new List<(int Row, string Text, bool Whole)>();

        _reads.ReadTexts("Texts", "Body", [1, 3, 2, 4], (_, _) => 5, (row, text, whole) =>
        {
            seen.Add((row, text.ToString(), whole));
            return row != 0; // the first text's start is not enough; the others are
        });

        Assert.Equal(
            [(0, "abé", false), (0, "abé𝑥 and more", true), (2, "short", true), (3, "aé", false)],
            seen);
    }

    [Fact]
    public void AStatementThatFailsLeavesThePoolWorking()
    {
        Assert.Throws<SqliteException>(() => _reads.Read("SELECT Title FROM NoSuchTable", _ => { }, row => row.Read()));

        Assert.Equal("Explain the bias-variance tradeoff", Title("bias-variance-tradeoff"));
    }

    [Fact]
    public async Task ReadsFromManyThreadsAtOnceEachGetTheirOwnAnswer()
    {
        string[] slugs = ["overfitting", "bias-variance-tradeoff", "precision-and-recall", "confusion-matrix"];

        var titles = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => (Slug: slugs[i % 4], Title: Title(slugs[i % 4])))));

        Assert.All(titles, t => Assert.Equal(Title(t.Slug), t.Title));
        Assert.Equal(4, titles.Select(t => t.Title).Distinct().Count());
    }

    private string? RawTitle(string slug) => _reads.ReadRaw("SELECT Title FROM Questions WHERE Slug = ?", statement =>
    {
        SQLitePCL.raw.sqlite3_bind_text(statement, 1, slug);
        return PreparedReads.Step(statement) ? System.Text.Encoding.UTF8.GetString(SQLitePCL.raw.sqlite3_column_blob(statement, 0)) : null;
    });

    [Fact]
    public void AStatementOfSqlitesOwnApiThatFailsThrowsAndLeavesThePoolWorking()
    {
        Assert.Throws<SqliteException>(() => _reads.ReadRaw("SELECT Title FROM NoSuchTable", PreparedReads.Step));
        Assert.Throws<SqliteException>(() => _reads.ReadRaw("SELECT abs(-9223372036854775808)", PreparedReads.Step));

        Assert.Equal("Explain the bias-variance tradeoff", RawTitle("bias-variance-tradeoff"));
    }

    private Task<string> TitleAsync(string slug) => _app.QueryAsync(db => db.Questions.Where(q => q.Slug == slug).Select(q => q.Title).FirstAsync());

    private static int RenameIn(PreparedWrites.Statements statements, string slug, string title)
    {
        var command = statements.Command(Rename);
        PreparedReads.Set(command, "$slug", slug);
        PreparedReads.Set(command, "$title", title);
        return command.ExecuteNonQuery();
    }

    [Fact]
    public async Task AWriteThatThrowsIsRolledBackWholeAndTheNextOneIsCommitted()
    {
        await Assert.ThrowsAsync<SqliteException>(() => _writes.WriteAsync(statements =>
        {
            RenameIn(statements, "overfitting", "Half done");
            return statements.Command("UPDATE NoSuchTable SET x = 1").ExecuteNonQuery();
        }, default));

        Assert.Equal("What is overfitting, and how do you detect it?", await TitleAsync("overfitting"));
        Assert.True(_app.Services.GetRequiredService<WriteGate>().IsFree);

        Assert.Equal(1, await _writes.WriteAsync(statements => RenameIn(statements, "overfitting", "Renamed"), default));
        Assert.Equal("Renamed", await TitleAsync("overfitting"));
    }

    [Fact]
    public async Task ThePreparedWritesLetTheLogGrowPastSqlitesDefaultBeforeACheckpoint()
    {
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE Pages (Id INTEGER PRIMARY KEY, Body TEXT NOT NULL)"));
        var wal = Path.Combine(_app.DataDirectory, "interviewprep.db-wal");
        var body = new string('x', 4000); // a page each
        // 2,000 pages in commits of 50: at SQLite's default of 1,000 a commit would copy the log into the database, and the
        // next one would start the log again from its beginning, so it would never grow much past 1,000 pages.
        for (var commit = 0; commit < 40; commit++)
        {
            await _writes.WriteAsync(statements =>
            {
                var insert = statements.Command("INSERT INTO Pages (Body) VALUES ($body)");
                PreparedReads.Set(insert, "$body", body);
                for (var row = 0; row < 50; row++)
                {
                    insert.ExecuteNonQuery();
                }
                return 0;
            }, default);
        }

        const int Frame = 4096 + 24;
        Assert.InRange(new FileInfo(wal).Length / Frame, 1900, PreparedWrites.CheckpointPages);
    }

    [Fact]
    public async Task WritersTakeTurnsWithEfCoreThroughTheGate()
    {
        // An EF Core unit of work holds the gate: a prepared write waits for it instead of meeting SQLite's lock.
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        string? seenInside = null;
        Task<int>? write = null;
        await scope.ServiceProvider.GetRequiredService<DatabaseWrites>().RunAsync(async () =>
        {
            write = _writes.WriteAsync(statements => RenameIn(statements, "overfitting", "Second"), default);
            await Task.Delay(200);
            Assert.False(write.IsCompleted);
            await db.Database.ExecuteSqlRawAsync("UPDATE Questions SET Title = 'First' WHERE Slug = 'overfitting'");
            seenInside = await db.Questions.Where(q => q.Slug == "overfitting").Select(q => q.Title).FirstAsync();
        }, default);
        Assert.Equal(1, await write!);

        Assert.Equal("First", seenInside);
        Assert.Equal("Second", await TitleAsync("overfitting"));
        Assert.True(_app.Services.GetRequiredService<WriteGate>().IsFree);
    }

    [Fact]
    public async Task ManyWritesAtOnceAreEachSavedOrRefusedAloneAndAnsweredAfterTheirCommit()
    {
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("CREATE TABLE Probe (Id INTEGER PRIMARY KEY, Value TEXT NOT NULL UNIQUE); INSERT INTO Probe (Value) VALUES ('taken')"));
        const string Insert = "INSERT INTO Probe (Value) VALUES ($value) RETURNING Id";

        // 200 writers at once; 50 of them insert a value of their own, then one that is taken, and lose to the unique
        // index: their first row must go with them, and every other write must be saved.
        var writes = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            var value = $"value-{i}";
            try
            {
                var id = await _writes.WriteAsync(statements =>
                {
                    var insert = statements.Command(Insert);
                    PreparedReads.Set(insert, "$value", value);
                    var inserted = (long)insert.ExecuteScalar()!;
                    if (i % 4 == 3)
                    {
                        PreparedReads.Set(insert, "$value", "taken");
                        insert.ExecuteScalar();
                    }
                    return inserted;
                }, default);
                // Answered only once committed: another connection sees the row already.
                var seen = _reads.Read("SELECT Value FROM Probe WHERE Id = $id", command => PreparedReads.Set(command, "$id", id), row => row.Read() ? row.GetString(0) : null);
                return (Value: value, Saved: seen == value);
            }
            catch (SqliteException e) when (e.IsLostRace())
            {
                return (Value: value, Saved: false);
            }
        })).ToList();
        var results = await Task.WhenAll(writes);

        var stored = await _app.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT Value AS Value FROM Probe WHERE Value <> 'taken'").ToListAsync());
        Assert.Equal(150, stored.Count);
        Assert.Equal(150, results.Count(r => r.Saved));
        Assert.Equal(stored.Order(), results.Where(r => r.Saved).Select(r => r.Value).Order());
        Assert.True(_app.Services.GetRequiredService<WriteGate>().IsFree);
    }
}
