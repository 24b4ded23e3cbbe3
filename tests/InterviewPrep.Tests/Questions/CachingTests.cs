using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Questions;

public sealed class CachingAnonymousPages
{
    [Fact]
    public async Task AnAnonymousPageIsServedFromCacheUntilAnImportChangesIt()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        var first = await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));
        var third = await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));
        Assert.False(first.Headers.Contains("Age"));
        Assert.False(second.Headers.Contains("Age"));
        Assert.True(third.Headers.Contains("Age"));

        content.WithQuestion("theory", "overfitting", "What is overfitting, really?", "easy", ["generalization"], [], "New answer.");
        await app.ImportAsync();
        var page = await client.GetDocumentAsync("/questions/overfitting");

        Assert.Equal("What is overfitting, really?", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ASignedInPageIsNeverCachedOrServedFromTheCache()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var anonymous = app.CreatePlainClient();
        var user = await app.SignedInClientAsync();
        await user.GetAsync(new Uri("/", UriKind.Relative));
        await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var anonymousStored = await anonymous.GetAsync(new Uri("/", UriKind.Relative));

        var signedIn = await user.GetDocumentAsync("/");
        var again = await anonymous.GetDocumentAsync("/");

        Assert.False(anonymousStored.Headers.Contains("Age")); // the signed-in visit was neither stored nor counted as one
        Assert.NotNull(signedIn.QuerySelector(".dashboard"));
        Assert.Null(again.QuerySelector(".dashboard"));
        Assert.Null(again.QuerySelector(".site-account a[href='/account']"));
    }

    [Fact]
    public async Task FiltersAndSearchesAreCachedSeparately()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        var practical = await client.GetDocumentAsync("/questions?category=practical");
        var theory = await client.GetDocumentAsync("/questions?category=theory");

        Assert.NotEqual(practical.QuerySelector(".result-count")!.TextContent, theory.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task APageIsStoredFromItsSecondVisit()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        var searches = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            searches.Add(await client.GetAsync(new Uri("/questions?q=kernel+trick", UriKind.Relative)));
        }
        var lists = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            lists.Add(await client.GetAsync(new Uri("/questions?category=theory", UriKind.Relative)));
        }

        Assert.Equal([false, false, true], searches.Select(r => r.Headers.Contains("Age")));
        Assert.Equal([false, false, true], lists.Select(r => r.Headers.Contains("Age")));
        Assert.Equal(await searches[0].Content.ReadAsStringAsync(), await searches[2].Content.ReadAsStringAsync());
    }

    [Fact]
    public void AKeyIsSeenFromItsSecondAskingUntilAnotherTakesItsSlot()
    {
        var seen = new InterviewPrep.Web.Infrastructure.SeenKeys(1); // one slot: every key shares it
        List<string> asked = ["?q=a", "?q=a", "?q=a", "?q=b", "?q=a", "?q=a"];

        Assert.Equal([false, true, true, false, false, true], asked.Select(seen.SeenBefore));
    }

    [Fact]
    public async Task WhileAnImportRunsPagesShowItsProgressAndAreNotCached()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();
        var status = app.Services.GetRequiredService<ContentImportStatus>();

        status.Begin();
        status.Report(new ImportProgress("render", 500, 1000));
        var during = await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));
        var duringAgain = await client.GetDocumentAsync("/questions/overfitting");
        status.Report(new ImportProgress("render", 1000, 1000));
        var saving = await client.GetDocumentAsync("/questions/overfitting");
        status.Report(new ImportProgress("write", 250, 1000));
        var writing = await client.GetDocumentAsync("/questions/overfitting");
        status.End();
        var after = await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));
        var afterAgain = await client.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));

        Assert.False(during.Headers.Contains("Age"));
        Assert.Contains("Preparing 500 of 1,000 questions", duringAgain.QuerySelector(".import-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("500", duringAgain.QuerySelector(".import-banner progress")!.GetAttribute("value"));
        Assert.Contains("Saving 1,000 questions.", saving.QuerySelector(".import-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saving 250 of 1,000 questions.", writing.QuerySelector(".import-banner")!.TextContent, StringComparison.Ordinal);
        Assert.False(after.Headers.Contains("Age"));
        Assert.DoesNotContain("import-banner", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(afterAgain.Headers.Contains("Age"));
    }

    [Fact]
    public async Task AnImportInThisProcessIsNotTakenForAnotherProcesssImport()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();
        var status = app.Services.GetRequiredService<ContentImportStatus>();
        await client.GetAsync(new Uri("/", UriKind.Relative)); // the site has seen the revision

        content.WithQuestion("theory", "overfitting", "What is overfitting, this time?", "easy", ["generalization"], [], "New answer.");
        await app.ImportAsync();
        var afterImport = status.Generation;
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        await client.GetAsync(new Uri("/", UriKind.Relative)); // looks at the revision again

        Assert.Equal(afterImport, status.Generation);
    }

    [Fact]
    public async Task ARevisionThatGoesBackAsARestoreWouldMakeIsSeenToo()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();
        var status = app.Services.GetRequiredService<ContentImportStatus>();
        content.WithQuestion("theory", "overfitting", "What is overfitting, this time?", "easy", ["generalization"], [], "New answer.");
        await app.ImportAsync();
        await client.GetAsync(new Uri("/", UriKind.Relative)); // the site has seen the revision
        var before = status.Generation;

        await app.QueryAsync(db => db.Set<ContentRevision>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Number, 0)));
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.NotEqual(before, status.Generation);
    }

    [Fact]
    public async Task AnImportByAnotherProcessIsSeenByTheCachedPagesAndTheDecks()
    {
        using var content = TestContent.Sample();
        using var app = new AppFactory(content);
        var anonymous = app.CreatePlainClient();
        var user = await app.SignedInClientAsync();
        await anonymous.GetAsync(new Uri("/questions/overfitting", UriKind.Relative));
        await anonymous.GetAsync(new Uri("/questions/overfitting", UriKind.Relative)); // stored now
        var decksBefore = (await user.GetDocumentAsync("/flashcards")).QuerySelector(".deck-note")!.TextContent;

        content.WithQuestion("theory", "overfitting", "What is overfitting, from the command line?", "easy", ["generalization"], [], "New answer.");
        content.WithQuestion("theory", "a-brand-new-question", "A brand new question?", "easy", ["generalization"], [], "An answer.");
        var (exitCode, output) = await AppProcess.RunAsync(TimeSpan.FromMinutes(2),
            ["import", .. app.ProcessArguments, $"--Content:Directory={content.Root}", "--Backup:Automatic=false"]);
        Assert.True(exitCode == 0, output);
        app.Clock.Advance(TimeSpan.FromSeconds(3)); // the site looks at the revision at most every 2 s

        await anonymous.GetAsync(new Uri("/", UriKind.Relative)); // the first request notices
        var page = await anonymous.GetDocumentAsync("/questions/overfitting");
        var decksAfter = (await user.GetDocumentAsync("/flashcards")).QuerySelector(".deck-note")!.TextContent;

        Assert.Equal("What is overfitting, from the command line?", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("8 cards", decksBefore.Trim());
        Assert.Equal("9 cards", decksAfter.Trim());
    }
}
