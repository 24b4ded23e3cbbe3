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
