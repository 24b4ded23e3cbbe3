using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Flashcards;

namespace InterviewPrep.Tests.Security;

/// <summary>Random edits of valid input, and a time limit that turns a hang into a failure.</summary>
internal static class Fuzzing
{
    public static string Mutate(string text, int seed, int edits, IReadOnlyList<string> fragments)
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
                    builder.Insert(at, fragments[random.Next(fragments.Count)]);
                    break;
                default:
                    builder.Insert(at, (char)random.Next(0, 0x3000));
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Runs <paramref name="work"/> and fails if it takes more than five seconds; its exceptions surface as they are.</summary>
    public static T Within<T>(Func<T> work, string input)
    {
        var task = Task.Run(work);
        if (!task.Wait(TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException("hung on: " + input);
        }
        return task.Result;
    }
}

/// <summary>Random and mutated input never makes the content parser throw or hang: it answers with a document or with problems.</summary>
public sealed class FuzzingTheContentParser
{
    private static readonly string ValidQuestion = TestContent.QuestionText("theory", "What is overfitting?", "easy", ["generalization"], ["bias-variance-tradeoff"],
        "An answer with $x^2$, a list:\n\n- one\n- two\n\n```python\nprint(1)\n```");

    private static readonly string[] Fragments =
        ["---", "\n", "## Answer", "## Follow-ups", "```", "~~~", ":", "[", "]", "{", "}", "\"", "'", "- ", "tags: [", "title:", "&", "*", "|", "\t", "\0", "\uFEFF", "$$", "\\", "#"];

    private static bool ParsesOrReports(string text)
    {
        var problems = new List<ContentProblem>();
        var doc = Fuzzing.Within(() => ContentParser.ParseQuestion("questions/theory/x.md", "x", "theory", text, problems), text);
        return doc is not null ? problems.Count == 0 : problems.Count > 0;
    }

    [Property(MaxTest = 500)]
    public bool MutatedQuestionsParseOrReportProblems(int seed, byte edits) => ParsesOrReports(Fuzzing.Mutate(ValidQuestion, seed, edits % 40 + 1, Fragments));

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
        var doc = ContentParser.ParsePage("guides/faq.md", "faq", Fuzzing.Mutate(page, seed, edits % 30 + 1, Fragments), problems);
        return doc is not null ? problems.Count == 0 : problems.Count > 0;
    }

    [Property(MaxTest = 300)]
    public bool RenderingAnyMarkdownNeverThrowsNorEmitsScript(string? markdown)
    {
        var html = new MarkdownRenderer().ToHtml(markdown ?? "");
        return !html.Contains("<script", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Random and mutated CSV never makes the flashcard import throw or hang: each row becomes a card within the
/// limits or a problem reported by line.
/// </summary>
public sealed class FuzzingTheCsvImport
{
    private const string AnkiHeaders = "#separator:Comma\r\n#html:true\r\n#tags column:3\r\n#columns:Front,Back,Tags\r\n";

    private static readonly string ValidCsv = "\uFEFF" + AnkiHeaders +
        "front,back,tags\r\n" +
        "What is a feature store?,\"A shared store of **features**,\nfor training and serving.\",mlops\r\n" +
        "\"Why, \"\"exactly\"\"?\",Because $x^2$ grows.,acme interview\r\n" +
        "A deeply nested answer," + string.Concat(Enumerable.Repeat("> ", 300)) + "end\n" +
        "A long answer," + new string('x', 19_990) + ",long\n" +
        "# a comment in the middle\n" +
        "What is drift?,The data changes.\n";

    private static readonly string[] Fragments =
        [",", "\"", "\"\"", "\n", "\r\n", "\r", "#", "\uFEFF", "\0", " ", "\t", ";", "front,", "- ", "> ", "[", "`", "$", "<b>",
         new string('y', 600), new string('z', 21_000), string.Concat(Enumerable.Repeat("- ", 400))];

    private static readonly string[] ReaderProblems = ["a quoted cell is never closed", "text follows a closing quote"];

    private static readonly MarkdownRenderer Renderer = new();

    /// <summary>Reads rows as the import does and checks that their lines move forward and each problem is one the reader knows.</summary>
    private static bool ReadsIntoRows(string text)
    {
        var rows = Fuzzing.Within(() => CsvRows.Read(text).ToList(), text);
        return rows.Zip(rows.Skip(1)).All(pair => pair.First.Line < pair.Second.Line)
            && rows.All(r => r.Line >= 1 && (r.Problem is null ? r.Cells.Count > 0 : ReaderProblems.Contains(r.Problem)));
    }

    /// <summary>Runs the import's parsing and rendering; every row is a card within the limits or a skipped line.</summary>
    private static bool ImportsOrReports(string text)
    {
        var (rows, cards) = Fuzzing.Within(() =>
        {
            var read = DeckTransfer.ReadImport(text, new HashSet<string>(StringComparer.Ordinal));
            var made = read.Cards.Select(form =>
            {
                var card = new Flashcard { UserId = "fuzz" };
                form.ApplyTo(card, Renderer);
                return card;
            }).ToList();
            return (read, made);
        }, text);
        var all = CsvRows.Read(text).ToList();
        var header = all.Count > 0 && all[0].Problem is null && all[0].Cells[0].Trim().Equals("front", StringComparison.OrdinalIgnoreCase);
        return cards.Count + rows.Skipped.Count == Math.Min(all.Count - (header ? 1 : 0), DeckTransfer.MaxImportRows + 1)
            && cards.All(c => c.Front!.Length is > 0 and <= Flashcard.FrontMaxLength && c.Front == c.Front.Trim()
                && c.BackMarkdown.Length <= Flashcard.BackMaxLength && c.Tags.Length <= Flashcard.TagsMaxLength)
            && cards.Select(c => c.Front).Distinct(StringComparer.Ordinal).Count() == cards.Count;
    }

    [Property(MaxTest = 500)]
    public bool ArbitraryTextReadsIntoRows(string? text) => ReadsIntoRows(text ?? "");

    [Property(MaxTest = 300)]
    public bool MutatedAnkiCsvReadsIntoRows(int seed, byte edits) => ReadsIntoRows(Fuzzing.Mutate(ValidCsv, seed, edits % 40 + 1, Fragments));

    [Property(MaxTest = 300)]
    public bool ArbitraryTextImportsOrReportsEachRow(string? text) => ImportsOrReports(text ?? "");

    [Property(MaxTest = 300)]
    public bool MutatedAnkiCsvImportsOrReportsEachRow(int seed, byte edits) => ImportsOrReports(Fuzzing.Mutate(ValidCsv, seed, edits % 40 + 1, Fragments));

    [Property(MaxTest = 300)]
    public bool RowsWrittenForAnkiReadBackAsTheSameCells(string?[][]? rows)
    {
        // A row of one empty cell is a blank line, which the reader skips; every other row must come back as written.
        var written = (rows ?? []).Where(r => r is { Length: >= 2 }).Select(r => r.Select(c => c ?? "").ToArray()).ToList();
        var csv = new StringBuilder(AnkiHeaders);
        foreach (var row in written)
        {
            CsvRows.AppendLine(csv, row);
        }
        var read = Fuzzing.Within(() => CsvRows.Read(csv.ToString()).ToList(), csv.ToString());
        return read.Count == written.Count && read.Zip(written).All(pair => pair.First.Problem is null && pair.First.Cells.SequenceEqual(pair.Second));
    }
}
