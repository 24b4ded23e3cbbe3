using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Data;

public sealed class ReadingWithKeptStatements : IDisposable
{
    private const string TitleOf = "SELECT Title FROM Questions WHERE Slug = $slug";
    private readonly TestContent _content = TestContent.Sample();
    private readonly AppFactory _app;
    private readonly PreparedReads _reads;

    public ReadingWithKeptStatements()
    {
        _app = new AppFactory(_content);
        _reads = _app.Services.GetRequiredService<PreparedReads>();
    }

    public void Dispose()
    {
        _app.Dispose();
        _content.Dispose();
    }

    private string? Title(string slug) =>
        _reads.Read(TitleOf, command => PreparedReads.Set(command, "$slug", slug), row => row.Read() ? row.GetString(0) : null);

    [Fact]
    public async Task AKeptStatementSeesWhatWasWrittenAfterItWasPrepared()
    {
        Assert.Equal("What is overfitting, and how do you detect it?", Title("overfitting"));

        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE Questions SET Title = 'Renamed' WHERE Slug = 'overfitting'"));

        Assert.Equal("Renamed", Title("overfitting"));
        Assert.Null(Title("no-such-question"));
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
}
