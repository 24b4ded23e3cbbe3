using AngleSharp.Html.Parser;
using InterviewPrep.Web.Features.Content;

namespace InterviewPrep.Tests.Content;

public sealed class RenderingMarkdown
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>")]
    public void NoScriptReachesTheHtml(string markdown)
    {
        var html = _renderer.ToHtml(markdown);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");

        // Text that looks like a tag is fine; what matters is what a browser would build from the HTML.
        Assert.Empty(document.QuerySelectorAll("script, iframe, svg, object, embed, style"));
        var attributes = document.Body!.QuerySelectorAll("*").SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Name is "href" or "src"
            && (a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || a.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("```python\nx = 1\n```", "pre")]
    [InlineData("| a | b |\n| --- | --- |\n| 1 | 2 |", "table")]
    [InlineData("$$\nx^2\n$$", "div.math")]
    public void ABlockThatMayScrollSidewaysCanBeFocusedToScrollIt(string markdown, string element)
    {
        var html = new HtmlParser().ParseDocument($"<body>{_renderer.ToHtml(markdown)}</body>");

        Assert.Equal("0", html.QuerySelector(element)!.GetAttribute("tabindex"));
    }

    [Fact]
    public void TheOutlineListsTheLevelTwoHeadingsWithTheIdsOfTheHtml()
    {
        const string markdown = "Intro.\n\n## Two weeks before\n\nText.\n\n### A detail\n\n## The day *before*, $n$ hours\n\nMore.";

        var outline = _renderer.Outline(markdown);
        var ids = new HtmlParser().ParseDocument($"<body>{_renderer.ToHtml(markdown)}</body>").QuerySelectorAll("h2").Select(h => h.Id).ToList();

        Assert.Equal(["Two weeks before", "The day before, n hours"], outline.Select(o => o.Text));
        Assert.Equal(ids, outline.Select(o => o.Id));
    }

    [Theory]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("1. ")]
    [InlineData("[")]
    public void NestingPastMarkdigsDepthLimitIsShownAsWrittenInsteadOfThrowing(string unit)
    {
        var markdown = string.Concat(Enumerable.Repeat(unit, 1000)) + "<b>deep</b>";

        var html = _renderer.ToHtml(markdown);

        var paragraph = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        Assert.Equal(markdown, paragraph.TextContent);
        Assert.Null(paragraph.QuerySelector("b"));
        Assert.Equal(markdown, _renderer.ToPlainText(markdown));
    }

    [Fact]
    public void PlainTextHasALinePerBlockAndJoinsTheLinesOfAParagraph() =>
        Assert.Equal("In practice\nCalibrated scores wrap here, then a hard break:\nnext.\none\ntwo\n",
            _renderer.ToPlainText("## In practice\n\nCalibrated *scores*\nwrap here, then a hard break:  \nnext.\n\n- one\n- two\n"));

    [Fact]
    public void PlainTextLeavesOutDisplayedFormulasAndReadsInlineOnesAsText() =>
        Assert.Equal("The gap between R(f) and R_train(f), with lambda … n:\nThese r_im are residuals.\n",
            _renderer.ToPlainText("The gap between $R(\\hat f)$ and $\\hat R_{\\text{train}}(\\hat f)$, with $\\lambda \\dots n$:\n\n"
                + "$$\nr_{im} = -\\left[ \\frac{\\partial L}{\\partial F} \\right]\n$$\n\nThese $r_{im}$ are residuals.\n"));

    [Fact]
    public void PlainTextHasALinePerTableRowWithItsCellsSetApart() =>
        Assert.Equal("Before.\nBagging / Boosting\nBase learner: deep, low bias / shallow\nTuning: low\nAfter.\n",
            _renderer.ToPlainText("Before.\n\n| | Bagging | Boosting |\n| --- | --- | --- |\n| Base learner | deep, **low** bias | shallow |\n| Tuning | low | |\n\nAfter.\n"));

    [Theory]
    [InlineData(@"\sum_{i=1}^{n} x_i", "sum_i=1^n x_i")]
    [InlineData(@"\left( \frac{a}{b} \right)", "( a/b )")]
    [InlineData(@"\frac{\partial L}{\partial F}", "partial L/partial F")]
    [InlineData(@"p \,\le\, 0.05", "p ≤ 0.05")]
    [InlineData(@"\mathbb{E}[X] \approx \bar x", "E[X] ≈ x")]
    [InlineData(@"\frac{\hat{a}}{b} + \sqrt{n}", "frac a b + sqrt n")]
    [InlineData(@"w \sim N(0, \tau^2 I)", "w ~ N(0, tau^2 I)")]
    public void TexIsReadAsText(string tex, string text) => Assert.Equal(text, MarkdownRenderer.ReadableTex(tex));

    [Fact]
    public void RawHtmlIsShownAsText() =>
        Assert.Equal("<p>&lt;b&gt;bold&lt;/b&gt;</p>", _renderer.ToHtml("<b>bold</b>").Trim());

    [Fact]
    public void InlineAndDisplayMathAreLeftForKatex()
    {
        var html = _renderer.ToHtml("Inline $a_1 < b$ here.\n\n$$\n\\frac{TP}{TP + FP}\n$$");

        Assert.Contains("<span class=\"math\">\\(a_1 &lt; b\\)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"math\" tabindex=\"0\">", html, StringComparison.Ordinal);
        Assert.Contains("\\frac{TP}{TP + FP}", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FencedCodeKeepsItsLanguageForHighlighting()
    {
        var html = _renderer.ToHtml("```python\nprint('<hi>')\n```");

        Assert.Contains("<pre tabindex=\"0\"><code class=\"language-python\">print('&lt;hi&gt;')", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SafeLinksAndTablesSurvive()
    {
        var html = _renderer.ToHtml("[docs](https://example.org) and mail@example.org\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<a href=\"https://example.org\">docs</a>", html, StringComparison.Ordinal);
        Assert.Contains("<table tabindex=\"0\">", html, StringComparison.Ordinal);
    }
}
