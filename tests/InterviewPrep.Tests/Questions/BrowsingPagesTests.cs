using System.Net;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Questions;

/// <summary>One app for the class: these tests only read.</summary>
public sealed class BrowsingFixture : IDisposable
{
    public TestContent Content { get; } = TestContent.Sample(theoryQuestions: 45);
    public AppFactory App { get; }
    public HttpClient Client { get; }

    public BrowsingFixture()
    {
        App = new AppFactory(Content);
        Client = App.CreatePlainClient();
    }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
        Content.Dispose();
    }
}

public sealed class BrowsingQuestions(BrowsingFixture fixture) : IClassFixture<BrowsingFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task TheHomePageListsCategoriesWithTheirQuestionCounts()
    {
        var page = await _client.GetDocumentAsync("/");

        Assert.Equal(["Theoretical concepts", "Practical applications"], page.Texts(".category-tile-title"));
        Assert.Equal(["45 questions", "3 questions"], page.Texts(".category-tile-count"));
        Assert.NotNull(page.QuerySelector("form[action='/questions'] input[name=q]"));
        Assert.Contains("Frequently asked questions", page.Texts(".guide-list a"));
    }

    [Fact]
    public async Task TheListPagesTwentyQuestionsAtATimeInStudyOrder()
    {
        var first = await _client.GetDocumentAsync("/questions");
        var third = await _client.GetDocumentAsync("/questions?page=3");

        Assert.Equal(20, first.QuerySelectorAll(".question-card").Length);
        Assert.Equal("What is overfitting, and how do you detect it?", first.Texts(".question-card-title")[0]);
        Assert.Equal(8, third.QuerySelectorAll(".question-card").Length);
        Assert.Contains("41–48 of 48 questions", third.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3", third.QuerySelector(".pager [aria-current=page]")!.TextContent);
    }

    [Theory]
    [InlineData("/questions?page=999", "41–48 of 48")]
    [InlineData("/questions?page=-4", "1–20 of 48")]
    [InlineData("/questions?page=abc", "1–20 of 48")]
    public async Task APageNumberOutOfRangeAnswersTheNearestPage(string url, string expected)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/questions?category=practical", 3)]
    [InlineData("/questions?difficulty=easy", 3)]
    [InlineData("/questions?difficulty=hard&category=practical", 1)]
    [InlineData("/questions?tag=metrics", 3)]
    [InlineData("/questions?tag=metrics&difficulty=easy", 2)]
    [InlineData("/questions?q=kernel&difficulty=hard", 15)]
    public async Task FiltersNarrowTheList(string url, int count)
    {
        var page = await _client.GetDocumentAsync(url);

        var expected = count == 1 ? "1 question" : $"of {count} questions";
        Assert.Contains(expected, page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFiltersOfferEveryLiveCategoryAndTagAndShowTheChosenOnesSelected()
    {
        static List<string> Values(AngleSharp.Dom.IDocument page, string select) =>
            [.. page.QuerySelectorAll($"#{select} option").Skip(1).Select(o => o.GetAttribute("value") ?? "(none)")]; // after "All" / "Any"
        var (categories, tags) = await fixture.App.QueryAsync(async db => (
            await db.Categories.Where(c => !c.IsRetired).OrderBy(c => c.Order).Select(c => c.Slug).ToListAsync(),
            await db.Tags.Where(t => t.Questions.Any(q => !q.IsRetired)).OrderBy(t => t.Slug).Select(t => t.Slug).ToListAsync()));
        Assert.NotEmpty(tags);

        var none = await _client.GetDocumentAsync("/questions?q=model");
        var chosen = await _client.GetDocumentAsync($"/questions?q=model&category=practical&tag={tags[^1]}");

        foreach (var page in new[] { none, chosen })
        {
            Assert.Equal(categories, Values(page, "category"));
            Assert.Equal(tags, Values(page, "tag"));
        }
        Assert.Equal(["Theoretical concepts", "Practical applications"], none.QuerySelectorAll("#category option").Skip(1).Take(2).Select(o => o.TextContent));
        Assert.Empty(none.QuerySelectorAll("#category option[selected], #tag option[selected]"));
        Assert.Equal(["practical"], chosen.QuerySelectorAll("#category option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal([tags[^1]], chosen.QuerySelectorAll("#tag option[selected]").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task AnUnknownFilterValueIsIgnoredWithANotice()
    {
        var page = await _client.GetDocumentAsync("/questions?category=astrology&difficulty=brutal");

        Assert.Contains("of 48 questions", page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("category “astrology”", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRanksTitleMatchesFirstAndHighlightsSnippets()
    {
        var page = await _client.GetDocumentAsync("/questions?q=overfitting");

        var titles = page.Texts(".question-card-title");
        Assert.Equal("What is overfitting, and how do you detect it?", titles[0]);
        Assert.Contains("Explain the bias-variance tradeoff", titles);
        Assert.Equal("overfitting", page.QuerySelector(".question-card-title mark")!.TextContent.ToLowerInvariant());
        Assert.Contains(page.QuerySelectorAll(".question-card-snippet mark"), m => m.TextContent.StartsWith("overfit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ASnippetIsFoundFarIntoALongAnswer()
    {
        // Over 2 KB of text before the only place the word is: the start read first does not hold it.
        using var content = TestContent.Sample().WithQuestion("theory", "a-long-answer", "A long answer", "easy", ["generalization"], [],
            answer: string.Join(" ", Enumerable.Repeat("Regularization keeps the weights small.", 80)) + " Only here: zygomorphic flowers.");
        using var app = new AppFactory(content);

        var page = await app.CreatePlainClient().GetDocumentAsync("/questions?q=zygomorphic");

        Assert.Equal(["A long answer"], page.Texts(".question-card-title"));
        Assert.Equal("zygomorphic", page.QuerySelector(".question-card-snippet mark")!.TextContent);
    }

    [Fact]
    public async Task SearchMatchesWordFormsAndFallsBackToAnyWord()
    {
        var stemmed = await _client.GetDocumentAsync("/questions?q=memorising");
        var any = await _client.GetDocumentAsync("/questions?q=precision+zeppelin");

        Assert.Equal(["What is overfitting, and how do you detect it?"], stemmed.Texts(".question-card-title"));
        Assert.Equal(["What are precision and recall?"], any.Texts(".question-card-title"));
        Assert.Contains("any of them", any.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastWordIsSearchedAsThePrefixOfAWord()
    {
        var typing = await _client.GetDocumentAsync("/questions?q=confusion+matr");
        var finished = await _client.GetDocumentAsync("/questions?q=matr+");

        Assert.Equal(["How do you read a confusion matrix?"], typing.Texts(".question-card-title"));
        Assert.Equal("matrix", typing.QuerySelectorAll(".question-card-title mark")[1].TextContent);
        Assert.Contains("No questions found", finished.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchKeepsTheFiltersAndPagesItsMatches()
    {
        var hard = await _client.GetDocumentAsync("/questions?q=kernel&difficulty=hard");
        var tagged = await _client.GetDocumentAsync("/questions?q=model&tag=metrics");
        var second = await _client.GetDocumentAsync("/questions?q=kernels&page=2");

        Assert.Contains("1–15 of 15 questions", hard.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.All(hard.Texts(".question-card .badge"), b => Assert.Equal("Hard", b));
        Assert.Equal(["How would you evaluate a regression model?"], tagged.Texts(".question-card-title"));
        Assert.Contains("21–40 of 43 questions", second.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.All(second.QuerySelectorAll(".question-card-snippet"), s => Assert.Contains("<mark>kernel", s.InnerHtml, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1000000")]
    [InlineData("2147483647")]
    public async Task ASearchPageFarPastTheEndShowsTheLastPage(string page)
    {
        // Both rankers: FTS5 answers before the index in memory is built, the index after.
        var before = await _client.GetDocumentAsync($"/questions?q=kernels&page={page}");
        await fixture.App.Services.GetRequiredService<WordIndexCache>().BuildNowAsync(CancellationToken.None);
        var after = await _client.GetDocumentAsync($"/questions?q=kernel&page={page}");

        Assert.Contains("41–43 of 43 questions", before.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("41–43 of 43 questions", after.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("recall*")]
    [InlineData("-precision")]
    [InlineData("precision NEAR recall")]
    [InlineData("precision AND OR NOT")]
    [InlineData("((precision")]
    [InlineData("title:precision")]
    [InlineData("^precision")]
    [InlineData("'; DROP TABLE Questions; --")]
    [InlineData("💥 ✨")]
    public async Task SearchSyntaxCharactersAreSearchedAsPlainWords(string query)
    {
        var response = await _client.GetAsync(new Uri("/questions?q=" + Uri.EscapeDataString(query), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector(".result-count"));
    }

    [Fact]
    public async Task ASearchWithNoMatchesShowsAHelpfulEmptyState()
    {
        var page = await _client.GetDocumentAsync("/questions?q=zzxqv&category=theory");

        Assert.Contains("No questions found", page.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".empty-state a[href='/questions?q=zzxqv']"));
    }

    [Fact]
    public async Task AQuestionPageShowsItsSectionsTagsRelatedAndNeighbours()
    {
        var page = await _client.GetDocumentAsync("/questions/bias-variance-tradeoff");

        Assert.Equal("Explain the bias-variance tradeoff", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Answer", "How to answer it", "Example answer", "Follow-ups", "Key points", "Related questions"], page.Texts(".question-section > h2"));
        Assert.Equal(["Defines the term in one sentence.", "Gives a concrete example.", "Names a way to detect it."], page.Texts("#key-points li"));
        Assert.Equal("Medium", page.QuerySelector(".question-meta .badge")!.TextContent);
        Assert.Equal(["generalization"], page.Texts(".tag-list .tag"));
        Assert.Equal("/questions/overfitting", page.QuerySelector(".related a")!.GetAttribute("href"));
        Assert.Equal("/questions/overfitting", page.QuerySelector(".prev-next a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/questions/theory-question-04", page.QuerySelector(".prev-next a[rel=next]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/katex/katex.min.js']"));
    }

    [Fact]
    public async Task ARelatedLinkWrittenInOneFileShowsOnBothQuestions()
    {
        // confusion-matrix lists precision-and-recall; precision-and-recall lists nothing.
        var listed = await _client.GetDocumentAsync("/questions/confusion-matrix");
        var listing = await _client.GetDocumentAsync("/questions/precision-and-recall");

        Assert.Equal(["/questions/precision-and-recall"], listed.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/questions/confusion-matrix"], listing.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task TheFirstQuestionOfACategoryHasNoPrevious()
    {
        var page = await _client.GetDocumentAsync("/questions/overfitting");

        Assert.Null(page.QuerySelector(".prev-next a[rel=prev]"));
        Assert.NotNull(page.QuerySelector(".prev-next a[rel=next]"));
    }

    [Fact]
    public async Task ACategoryPageShowsWhatInterviewersProbeAndItsQuestions()
    {
        var page = await _client.GetDocumentAsync("/categories/practical");

        Assert.Equal("Practical applications", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Interviewers probe", page.QuerySelector(".callout .prose")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Easy", "Easy", "Hard"], page.Texts(".question-card .badge"));
    }

    [Fact]
    public async Task ALargeCategoryIsPaged()
    {
        var first = await _client.GetDocumentAsync("/categories/theory");
        var second = await _client.GetDocumentAsync("/categories/theory?page=2");
        var beyond = await _client.GetDocumentAsync("/categories/theory?page=99");

        Assert.Equal("45 questions, page 1 of 2", first.QuerySelector("#questions-heading")!.TextContent);
        Assert.Equal(40, first.QuerySelectorAll(".question-card").Length);
        Assert.Equal(5, second.QuerySelectorAll(".question-card").Length);
        Assert.Equal("/categories/theory?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("45 questions, page 2 of 2", beyond.QuerySelector("#questions-heading")!.TextContent);
    }

    [Fact]
    public async Task GuidesAreListedAndShown()
    {
        var list = await _client.GetDocumentAsync("/guides");
        var guide = await _client.GetDocumentAsync("/guides/faq");

        Assert.Equal(["Frequently asked questions"], list.Texts(".card-title"));
        Assert.Equal("How long should I prepare?", guide.QuerySelector(".prose h2")!.TextContent);
        Assert.Equal(["How long should I prepare?", "What happens on the day?"], guide.Texts(".toc a"));
        Assert.Equal(guide.QuerySelectorAll(".prose h2").Select(h => "#" + h.Id), guide.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/questions/no-such-question")]
    [InlineData("/categories/no-such-category")]
    [InlineData("/guides/no-such-guide")]
    [InlineData("/no/such/page")]
    public async Task AnUnknownAddressAnswersAFriendly404(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We could not find that page", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action='/questions']"));
    }

    [Fact]
    public async Task ReadyAnswersHealthyOnceTheImportAtStartHasFinished()
    {
        await fixture.App.Services.GetRequiredService<InterviewPrep.Web.Features.Content.ContentImportStatus>().StartupImport;

        var response = await _client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthzAnswersHealthyWhenTheDatabaseAnswers()
    {
        var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/questions/overfitting")]
    [InlineData("/no/such/page")]
    public async Task EveryResponseCarriesSecurityHeaders(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
