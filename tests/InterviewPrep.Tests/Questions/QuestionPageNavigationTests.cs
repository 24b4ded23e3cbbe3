using System.Net;
using AngleSharp.Dom;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Questions;

/// <summary>
/// A question page's tags, related links and previous/next come from the bank as of the last import: they follow
/// SQLite's order of titles (BINARY: capitals first), skip retired questions, and move when a re-import renames or
/// retires one.
/// </summary>
public sealed class AQuestionPagesNeighboursAndLinks
{
    // Easy in theory, as SQLite orders titles: "Bagging" < "Zebra crossing" < "boosting" (a culture order would put
    // "Zebra" last). Then medium, then hard, whatever their titles.
    private static TestContent Bank() => new TestContent()
        .WithCategory("theory", "Theoretical concepts", 1)
        .WithCategory("practical", "Practical applications", 2)
        .WithQuestion("theory", "bagging", "Bagging", "easy", ["trees", "ensembles", "bias"], ["hard-one", "zebra", "boosting"])
        .WithQuestion("theory", "zebra", "Zebra crossing", "easy")
        .WithQuestion("theory", "boosting", "boosting", "easy", [], ["zebra", "bagging"])
        .WithQuestion("theory", "medium-one", "Attention", "medium")
        .WithQuestion("theory", "hard-one", "Activation", "hard")
        .WithQuestion("practical", "alone", "Between Bagging and Zebra", "easy");

    [Fact]
    public async Task NeighboursFollowTheCategorysStudyOrderAsSqliteSortsTitles()
    {
        using var content = Bank();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        Assert.Equal((null, "zebra"), Neighbours(await client.GetDocumentAsync("/questions/bagging")));
        Assert.Equal(("bagging", "boosting"), Neighbours(await client.GetDocumentAsync("/questions/zebra")));
        Assert.Equal(("zebra", "medium-one"), Neighbours(await client.GetDocumentAsync("/questions/boosting")));
        Assert.Equal(("medium-one", null), Neighbours(await client.GetDocumentAsync("/questions/hard-one")));
        Assert.Equal((null, null), Neighbours(await client.GetDocumentAsync("/questions/alone")));
    }

    [Fact]
    public async Task TagsAreSortedAndRelatedLinksKeepTheOrderOfTheFile()
    {
        using var content = Bank();
        using var app = new AppFactory(content);
        var page = await app.CreatePlainClient().GetDocumentAsync("/questions/bagging");

        Assert.Equal(["bias", "ensembles", "trees"], page.Texts(".tag-list .tag"));
        Assert.Equal(["/questions/hard-one", "/questions/zebra", "/questions/boosting"], Related(page));
        Assert.Equal(["Activation", "Zebra crossing", "boosting"], page.Texts(".related a"));
        Assert.Equal("Theoretical concepts", page.QuerySelector(".breadcrumbs a[href='/categories/theory']")!.TextContent);
    }

    [Fact]
    public async Task ARetiredQuestionAnswers404AndLeavesTheNeighboursAndLinksOfTheOthers()
    {
        using var content = Bank();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();
        foreach (var slug in new[] { "bagging", "zebra", "boosting" })
        {
            await client.GetDocumentAsync($"/questions/{slug}");
            await client.GetDocumentAsync($"/questions/{slug}"); // stored in the output cache before the re-import
        }

        content.Delete("questions/theory/zebra.md");
        await app.ImportAsync();

        var retired = await client.GetAsync(new Uri("/questions/zebra", UriKind.Relative));
        var bagging = await client.GetDocumentAsync("/questions/bagging");
        var boosting = await client.GetDocumentAsync("/questions/boosting");
        Assert.Equal(HttpStatusCode.NotFound, retired.StatusCode);
        Assert.Equal((null, "boosting"), Neighbours(bagging));
        Assert.Equal(("bagging", "medium-one"), Neighbours(boosting));
        Assert.Equal(["/questions/hard-one", "/questions/boosting"], Related(bagging));
        Assert.Equal(["/questions/bagging"], Related(boosting));
    }

    [Fact]
    public async Task ARenamedQuestionMovesInTheOrderAndANewSlugReplacesTheOld()
    {
        using var content = Bank();
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();
        await client.GetDocumentAsync("/questions/bagging");

        // "Zebra crossing" becomes "cross the zebra" (after "boosting"); "boosting" moves to a new slug.
        content.WithQuestion("theory", "zebra", "cross the zebra", "easy")
            .Delete("questions/theory/boosting.md")
            .WithQuestion("theory", "gradient-boosting", "boosting", "easy", [], ["zebra", "bagging"]);
        await app.ImportAsync();

        var old = await client.GetAsync(new Uri("/questions/boosting", UriKind.Relative));
        var bagging = await client.GetDocumentAsync("/questions/bagging");
        var zebra = await client.GetDocumentAsync("/questions/zebra");
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal((null, "gradient-boosting"), Neighbours(bagging));
        // The old slug is retired; the new one lists bagging, so it shows on bagging's page too.
        Assert.Equal(["/questions/hard-one", "/questions/zebra", "/questions/gradient-boosting"], Related(bagging));
        Assert.Equal(["Activation", "cross the zebra", "boosting"], bagging.Texts(".related a"));
        Assert.Equal(("bagging", "zebra"), Neighbours(await client.GetDocumentAsync("/questions/gradient-boosting")));
        Assert.Equal("cross the zebra", zebra.QuerySelector("h1")!.TextContent);
        Assert.Equal(("gradient-boosting", "medium-one"), Neighbours(zebra));
    }

    [Fact]
    public void CategoriesThatShareAnOrderKeepTheirNeighboursApart()
    {
        BankQuestion Question(int id, int category, string title, bool retired = false) =>
            new(id, $"q{id}", title, category, $"c{category}", $"C{category}", 1, Difficulty.Easy, retired, ["b", "a"]);
        var navigation = new QuestionNavigation([Question(1, 1, "A"), Question(2, 2, "B"), Question(3, 1, "C", retired: true), Question(4, 2, "D"), Question(5, 1, "E")]);

        Assert.Equal((null, "q5"), (navigation.Find("q1")!.Previous?.Slug, navigation.Find("q1")!.Next?.Slug));
        Assert.Equal(("q2", null), (navigation.Find("q4")!.Previous?.Slug, navigation.Find("q4")!.Next?.Slug));
        Assert.Null(navigation.Find("q3"));
        Assert.Null(navigation.Find("Q1"));
        Assert.Equal(["a", "b"], navigation.Find("q1")!.Tags);
        Assert.Equal(["q5", "q1"], navigation.Live(["q5", "q3", "nope", "q1", "q5"]).Select(q => q.Slug));
    }

    private static (string? Previous, string? Next) Neighbours(IDocument page) =>
        (Slug(page.QuerySelector(".prev-next a[rel=prev]")), Slug(page.QuerySelector(".prev-next a[rel=next]")));

    private static string? Slug(IElement? link) => link?.GetAttribute("href")?["/questions/".Length..];

    private static List<string?> Related(IDocument page) => [.. page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href"))];
}
