using Bunit;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Shared.Components;

namespace InterviewPrep.Tests.Components;

public sealed class DifficultyBadgeRendering : BunitContext
{
    [Theory]
    [InlineData(Difficulty.Easy, "badge badge-easy", "Easy")]
    [InlineData(Difficulty.Hard, "badge badge-hard", "Hard")]
    public void ShowsTheWordAndItsColourClass(Difficulty difficulty, string cssClass, string text)
    {
        var badge = Render<DifficultyBadge>(p => p.Add(b => b.Difficulty, difficulty)).Find("span");

        Assert.Equal(cssClass, badge.ClassName);
        Assert.Equal(text, badge.TextContent);
    }
}

public sealed class MarkdownViewRendering : BunitContext
{
    [Fact]
    public void ShowsRenderedHtmlInsideAProseBlock()
    {
        var view = Render<MarkdownView>(p => p.Add(v => v.Html, "<p>Hello <strong>there</strong></p>").Add(v => v.Class, "prose-example"));

        view.MarkupMatches("<div class=\"prose prose-example\"><p>Hello <strong>there</strong></p></div>");
    }
}

public sealed class QuestionCardRendering : BunitContext
{
    private static QuestionSummary Summary => new("overfitting", "What is <overfitting>?", "theory", "Theoretical concepts", Difficulty.Easy);

    [Fact]
    public void EncodesAPlainTitleAndLinksToTheQuestionAndCategory()
    {
        var card = Render<QuestionCard>(p => p.Add(c => c.Question, Summary));

        Assert.Equal("/questions/overfitting", card.Find(".question-card-title a").GetAttribute("href"));
        Assert.Contains("What is &lt;overfitting&gt;?", card.Find(".question-card-title a").InnerHtml, StringComparison.Ordinal);
        Assert.Equal("/categories/theory", card.Find(".question-card-category").GetAttribute("href"));
        Assert.Empty(card.FindAll(".question-card-snippet"));
    }

    [Fact]
    public void ShowsTheHighlightedTitleAndSnippetOfASearchResult()
    {
        var highlighter = new SearchHighlighter(["overfitting"], prefixLast: false);
        var result = Summary with
        {
            TitleHtml = highlighter.Highlight("What is overfitting?"),
            SnippetHtml = highlighter.Highlight("when a model overfits <b>noise</b>"),
        };

        var card = Render<QuestionCard>(p => p.Add(c => c.Question, result).Add(c => c.ShowCategory, false));

        Assert.Equal("overfitting", card.Find(".question-card-title mark").TextContent);
        Assert.Equal("when a model <mark>overfits</mark> &lt;b&gt;noise&lt;/b&gt;", card.Find(".question-card-snippet").InnerHtml);
        Assert.Empty(card.FindAll(".question-card-category"));
    }
}

public sealed class PagerRendering : BunitContext
{
    private IRenderedComponent<Pager> RenderPager(int page, int count) => Render<Pager>(p => p
        .Add(x => x.Page, page).Add(x => x.PageCount, count).Add(x => x.Href, n => $"/questions?page={n}"));

    [Fact]
    public void ShowsNothingForASinglePage() => Assert.Empty(RenderPager(1, 1).Markup.Trim());

    [Fact]
    public void ShowsTheFirstAndLastPagesAndAWindowAroundTheCurrentOne()
    {
        var pager = RenderPager(10, 20);

        Assert.Equal(["1", "…", "8", "9", "10", "11", "12", "…", "20"], pager.FindAll(".pager-pages li").Select(li => li.TextContent.Trim()));
        Assert.Equal("10", pager.Find("[aria-current=page]").TextContent);
        Assert.Equal("/questions?page=9", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/questions?page=11", pager.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void DisablesPreviousOnTheFirstPageAndNextOnTheLast()
    {
        Assert.Empty(RenderPager(1, 5).FindAll("a[rel=prev]"));
        Assert.Empty(RenderPager(5, 5).FindAll("a[rel=next]"));
    }
}
