using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Shared;

namespace InterviewPrep.Tests.Questions;

public sealed class ChoosingThePagesToLinkTo
{
    private static List<int?> Window(int page, int count) => new PageLinks(page, count, n => $"/questions?page={n}").Window().ToList();

    [Fact]
    public void ShowsTheFirstAndLastPagesAndTwoEitherSideOfTheCurrentOne() =>
        Assert.Equal([1, null, 8, 9, 10, 11, 12, null, 20], Window(10, 20));

    [Fact]
    public void LeavesNoGapWhereThePagesMeet()
    {
        Assert.Equal([1, 2, 3, null, 9], Window(1, 9));
        Assert.Equal([1, 2, 3, 4, 5], Window(3, 5));
    }
}

public sealed class ShowingAListOfQuestions
{
    [Fact]
    public async Task ACardEncodesItsTitleAndLinksToTheQuestionAndItsCategory()
    {
        using var content = TestContent.Sample().WithQuestion("theory", "angle-brackets", "When is <b>x</b> & y > z?", answer: "About brackets.");
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        var listed = await client.GetDocumentAsync("/questions?q=brackets");
        var inCategory = await client.GetDocumentAsync("/categories/theory");

        var card = listed.QuerySelectorAll(".question-card").Single();
        Assert.Equal("When is <b>x</b> & y > z?", card.QuerySelector(".question-card-title a")!.TextContent);
        Assert.Empty(card.QuerySelectorAll(".question-card-title b"));
        Assert.Equal("/questions/angle-brackets", card.QuerySelector(".question-card-title a")!.GetAttribute("href"));
        Assert.Equal("/categories/theory", card.QuerySelector(".question-card-category")!.GetAttribute("href"));
        Assert.Contains("About <mark>brackets</mark>.", card.QuerySelector(".question-card-snippet")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("Medium", card.QuerySelector(".badge")!.TextContent);
        Assert.Equal("badge badge-medium", card.QuerySelector(".badge")!.ClassName);
        var plain = inCategory.QuerySelector(".question-card-title a[href='/questions/angle-brackets']")!;
        Assert.Equal("When is <b>x</b> & y > z?", plain.TextContent);
        Assert.Empty(plain.QuerySelectorAll("b"));
        Assert.Empty(inCategory.QuerySelectorAll(".question-card-category"));
        Assert.Empty(inCategory.QuerySelectorAll(".question-card-snippet"));
    }

    [Fact]
    public async Task ThePagerLinksBothWaysAndDisablesTheStepsAtTheEnds()
    {
        using var content = TestContent.Sample(theoryQuestions: 45);
        using var app = new AppFactory(content);
        var client = app.CreatePlainClient();

        var first = await client.GetDocumentAsync("/questions");
        var second = await client.GetDocumentAsync("/questions?page=2");
        var single = await client.GetDocumentAsync("/questions?q=overfitting");

        Assert.Empty(first.QuerySelectorAll(".pager a[rel=prev]"));
        Assert.Equal("true", first.QuerySelector(".pager span.pager-step")!.GetAttribute("aria-disabled"));
        Assert.Equal("/questions?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/questions", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Page 1", second.QuerySelector(".pager-pages a[href='/questions']")!.GetAttribute("aria-label"));
        Assert.Null(single.QuerySelector(".pager"));
    }
}
