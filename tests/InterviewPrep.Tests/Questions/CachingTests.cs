using InterviewPrep.Tests.Support;

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
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"));

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
        await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        var user = await app.SignedInClientAsync();

        var signedIn = await user.GetDocumentAsync("/");
        var again = await anonymous.GetDocumentAsync("/");

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
}
