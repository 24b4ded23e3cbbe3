using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace InterviewPrep.Web.Features.Content;

/// <summary>
/// The one markdown pipeline of the app, for content and user notes alike: raw HTML in the source is
/// shown as text, math is left for KaTeX, code keeps its language for highlight.js, and the result
/// passes an allow-list sanitizer so that no script can reach a page.
/// </summary>
public sealed partial class MarkdownRenderer
{
    /// <summary>Bump when the output changes, so that the next import renders every file again.</summary>
    public const int Version = 9;

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders markdown to safe HTML.</summary>
    public string ToHtml(string markdown)
    {
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, _pipeline);
        }
        catch (ArgumentException) when (markdown.Length > 0)
        {
            // Markdig refuses nesting past its depth limit (hundreds of "> " or "- "): such text is kept, shown as written.
            html = $"<p>{WebUtility.HtmlEncode(markdown)}</p>";
        }
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Renders one line of markdown (a list item, a title) to safe HTML without the paragraph around it.</summary>
    public string ToInlineHtml(string markdown)
    {
        var html = ToHtml(markdown).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    /// <summary>
    /// The level-two headings of the markdown with the ids <see cref="ToHtml"/> gives them, for an "On this page"
    /// outline.
    /// </summary>
    public IReadOnlyList<(string Id, string Text)> Outline(string markdown)
    {
        try
        {
            return [.. Markdown.Parse(markdown, _pipeline).Descendants<HeadingBlock>()
                .Where(h => h.Level == 2 && h.GetAttributes().Id is { Length: > 0 })
                .Select(h => (h.GetAttributes().Id!, ToPlainText(markdown[h.Span.Start..(h.Span.End + 1)]).Trim()))];
        }
        catch (ArgumentException) when (markdown.Length > 0)
        {
            return []; // too deeply nested to parse: the page is shown as written, without an outline
        }
    }

    /// <summary>
    /// The words of the markdown, for the full-text index and the search snippets: one line per block (heading,
    /// paragraph, list item, line of code), a paragraph's own line breaks as spaces.
    /// </summary>
    public string ToPlainText(string markdown)
    {
        try
        {
            // As Markdown.ToPlainText, but for the soft line breaks: they would end a line where the source wraps.
            var document = Markdown.Parse(markdown, _pipeline);
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            _pipeline.Setup(renderer);
            renderer.ObjectRenderers.Replace<LineBreakInlineRenderer>(new PlainLineBreaks());
            renderer.ObjectRenderers.Replace<HtmlMathBlockRenderer>(new PlainMathBlocks());
            renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new PlainMathInlines());
            renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new PlainTables());
            renderer.Render(document);
            return writer.ToString();
        }
        catch (ArgumentException) when (markdown.Length > 0)
        {
            return markdown; // too deeply nested to parse, as above
        }
    }

    /// <summary>A hard line break ends the line; a soft one (where the source wraps) is a space.</summary>
    private sealed class PlainLineBreaks : HtmlObjectRenderer<LineBreakInline>
    {
        protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
        {
            if (obj.IsHard)
            {
                renderer.EnsureLine();
            }
            else
            {
                renderer.Write(' ');
            }
        }
    }

    /// <summary>
    /// A displayed formula is left out of the plain text: its TeX read as words ("-\left[ \frac{\partial L ...") was
    /// what a search snippet showed of it, and the sentence before it says what it is.
    /// </summary>
    private sealed class PlainMathBlocks : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock obj) => renderer.EnsureLine();
    }

    /// <summary>
    /// A table as a line per row, read as "first cell: second / third" (a snippet then sets the rows apart with " · "):
    /// as HTML without its tags, a whole table was one line of words run together ("Base learner deep, low bias, high
    /// variance shallow, high bias Mainly reduces…"). Empty cells are left out; a row whose first cell is empty (a header
    /// over a column of names) is read "second / third".
    /// </summary>
    private sealed class PlainTables : HtmlObjectRenderer<Table>
    {
        protected override void Write(HtmlRenderer renderer, Table table)
        {
            renderer.EnsureLine();
            foreach (var row in table.OfType<TableRow>())
            {
                var (cells, headed) = (0, false);
                foreach (var (cell, column) in row.OfType<TableCell>().Select((c, i) => (c, i)))
                {
                    foreach (var leaf in cell.OfType<LeafBlock>().Where(l => l.Inline?.FirstChild is not null))
                    {
                        renderer.Write(cells++ == 0 ? "" : headed && cells == 2 ? ": " : " / ");
                        renderer.WriteLeafInline(leaf);
                        headed |= column == 0;
                    }
                }
                renderer.EnsureLine();
            }
        }
    }

    /// <summary>An inline formula stays in the sentence, as <see cref="ReadableTex"/> writes it.</summary>
    private sealed class PlainMathInlines : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline obj) => renderer.Write(ReadableTex(obj.Content.ToString()));
    }

    /// <summary>
    /// TeX read as text: layout and accent commands and braces dropped, a simple fraction as a/b, common symbols as
    /// themselves, other commands as their names (<c>\lambda</c> as "lambda", which is also what a reader would search
    /// for). <c>\hat R_{\text{train}}</c> becomes "R_train".
    /// </summary>
    public static string ReadableTex(string tex)
    {
        var text = TexSpacing().Replace(tex, " ");
        text = TexLayout().Replace(text, "");
        text = TexFraction().Replace(text, "$1/$2");
        var commands = text;
        text = TexCommand().Replace(commands, m => TexSymbols.GetValueOrDefault(m.Groups[1].Value)
            ?? (m.Index + m.Length < commands.Length && (char.IsAsciiLetterOrDigit(commands[m.Index + m.Length]) || commands[m.Index + m.Length] == '{')
                ? m.Groups[1].Value + " " : m.Groups[1].Value));
        text = text.Replace("}{", " ", StringComparison.Ordinal).Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        return Spaces().Replace(text, " ").Trim();
    }

    private static readonly Dictionary<string, string> TexSymbols = new(StringComparer.Ordinal)
    {
        ["dots"] = "…", ["ldots"] = "…", ["cdots"] = "…", ["le"] = "≤", ["leq"] = "≤", ["ge"] = "≥", ["geq"] = "≥",
        ["ne"] = "≠", ["neq"] = "≠", ["approx"] = "≈", ["times"] = "×", ["cdot"] = "·", ["in"] = "∈", ["to"] = "→",
        ["infty"] = "∞", ["pm"] = "±", ["mid"] = "|", ["sim"] = "~",
    };

    [GeneratedRegex(@"\\[,;:! ]|\\q?quad(?![a-zA-Z])")]
    private static partial Regex TexSpacing();

    [GeneratedRegex(@"\\(?:left|right|big|Big|bigg|Bigg|text|textrm|mathrm|mathbf|mathit|mathcal|mathbb|boldsymbol|operatorname|displaystyle|hat|widehat|bar|overline|tilde|widetilde|vec|dot)(?![a-zA-Z])\s*")]
    private static partial Regex TexLayout();

    [GeneratedRegex(@"\\frac\{([^{}]*)\}\{([^{}]*)\}")]
    private static partial Regex TexFraction();

    [GeneratedRegex(@"\\([a-zA-Z]+)")]
    private static partial Regex TexCommand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong",
                "del", "ins", "mark", "sub", "sup", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "table",
                "thead", "tbody", "tr", "th", "td", "span", "div", "input",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "class", "id", "start", "type", "checked", "disabled", "align",
            },
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        // Task-list checkboxes are the only inputs markdown makes; anything else is dropped.
        sanitizer.PostProcessNode += (_, e) =>
        {
            switch (e.Node)
            {
                case AngleSharp.Dom.IElement { LocalName: "input" } input
                    when !string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase):
                    input.Remove();
                    break;
                case AngleSharp.Dom.IElement { LocalName: "pre" or "table" } scrolling:
                    // A code block or a table may scroll sideways (on a phone); keyboard users must be able to focus it to scroll.
                    scrolling.SetAttribute("tabindex", "0");
                    break;
                case AngleSharp.Dom.IElement { LocalName: "div" } math when math.ClassList.Contains("math"):
                    math.SetAttribute("tabindex", "0"); // a displayed equation scrolls too
                    break;
            }
        };
        return sanitizer;
    }
}
