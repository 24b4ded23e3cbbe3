using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Content;

namespace InterviewPrep.Tests.Security;

/// <summary>Random and mutated input never makes the content parser throw or hang: it answers with a document or with problems.</summary>
public sealed class FuzzingTheContentParser
{
    private static readonly string ValidQuestion = TestContent.QuestionText("theory", "What is overfitting?", "easy", ["generalization"], ["bias-variance-tradeoff"],
        "An answer with $x^2$, a list:\n\n- one\n- two\n\n```python\nprint(1)\n```");

    private static readonly string[] Fragments =
        ["---", "\n", "## Answer", "## Follow-ups", "```", "~~~", ":", "[", "]", "{", "}", "\"", "'", "- ", "tags: [", "title:", "&", "*", "|", "\t", "\0", "\uFEFF", "$$", "\\", "#"];

    private static string Mutate(string text, int seed, int edits)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(3))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(random.Next(1, 20), builder.Length - Math.Min(at, builder.Length - 1)));
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 0x3000));
                    break;
            }
        }
        return builder.ToString();
    }

    private static bool ParsesOrReports(string text)
    {
        var problems = new List<ContentProblem>();
        var task = Task.Run(() => ContentParser.ParseQuestion("questions/theory/x.md", "x", "theory", text, problems));
        if (!task.Wait(TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException("the parser hung on: " + text);
        }
        return task.Result is not null ? problems.Count == 0 : problems.Count > 0;
    }

    [Property(MaxTest = 500)]
    public bool MutatedQuestionsParseOrReportProblems(int seed, byte edits) => ParsesOrReports(Mutate(ValidQuestion, seed, edits % 40 + 1));

    [Property(MaxTest = 300)]
    public bool ArbitraryTextParsesOrReportsProblems(string? text) => ParsesOrReports("---\n" + (text ?? "") + "\n---\n" + (text ?? ""));

    [Property(MaxTest = 300)]
    public bool ArbitraryBytesDecodeOrReportProblems(byte[]? bytes)
    {
        var problems = new List<ContentProblem>();
        var text = ContentParser.Decode("x.md", bytes ?? [], 4096, problems);
        return text is null ? problems.Count == 1 : problems.Count == 0;
    }

    [Property(MaxTest = 300)]
    public bool CategoryAndGuidePagesParseOrReportProblems(int seed, byte edits)
    {
        var page = "---\ntitle: \"FAQ\"\norder: 3\nsummary: \"Short.\"\n---\n## A heading\n\nText.\n";
        var problems = new List<ContentProblem>();
        var doc = ContentParser.ParsePage("guides/faq.md", "faq", Mutate(page, seed, edits % 30 + 1), problems);
        return doc is not null ? problems.Count == 0 : problems.Count > 0;
    }

    [Property(MaxTest = 300)]
    public bool RenderingAnyMarkdownNeverThrowsNorEmitsScript(string? markdown)
    {
        var html = new MarkdownRenderer().ToHtml(markdown ?? "");
        return !html.Contains("<script", StringComparison.OrdinalIgnoreCase);
    }
}
