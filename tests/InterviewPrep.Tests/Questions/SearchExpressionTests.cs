using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Questions;

public sealed class TurningASearchBoxEntryIntoAMatchExpression
{
    [Theory]
    [InlineData("Precision AND recall", "\"precision\" \"and\" \"recall\"")]
    [InlineData("\"quoted -minus* NEAR(", "\"quoted\" \"minus\" \"near\"")]
    [InlineData("l2 l2 L2", "\"l2\"")]
    public void EveryWordIsQuotedSoNoFtsSyntaxSurvives(string input, string expected) =>
        Assert.Equal(expected, Fts5Reference.MatchExpression(QuestionSearchIndex.Words(input), any: false, prefixLast: false));

    [Fact]
    public void TheLastWordCanMatchAsAPrefixAndAnyWordCanBeAsked() =>
        Assert.Equal("\"batch\" OR \"norm\"*", Fts5Reference.MatchExpression(["batch", "norm"], any: true, prefixLast: true));

    [Fact]
    public void NoWordsMeansNoSearch() => Assert.Empty(QuestionSearchIndex.Words(" *() -- \"' "));

    [Fact]
    public void AtMostTwelveWordsAreSearched() =>
        Assert.Equal(12, QuestionSearchIndex.Words(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"))).Count);
}
