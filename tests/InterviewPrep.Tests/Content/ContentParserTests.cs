using System.Text;
using InterviewPrep.Tests.Support;
using InterviewPrep.Web.Features.Content;
using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Tests.Content;

public sealed class ParsingAQuestionFile
{
    private const string Path = "questions/theory/overfitting.md";

    private static (QuestionDocument? Doc, List<ContentProblem> Problems) Parse(string text, string slug = "overfitting", string folder = "theory")
    {
        var problems = new List<ContentProblem>();
        var doc = ContentParser.ParseQuestion(Path, slug, folder, text.ReplaceLineEndings("\n"), problems);
        return (doc, problems);
    }

    private static string Valid(string answer = "The answer.") =>
        TestContent.QuestionText("theory", "What is overfitting?", "easy", ["generalization"], ["bias-variance-tradeoff"], answer);

    [Fact]
    public void ReadsFrontMatterAndTheFourSections()
    {
        var (doc, problems) = Parse(Valid("Overfitting means $x^2$."));

        Assert.Empty(problems);
        Assert.NotNull(doc);
        Assert.Equal("What is overfitting?", doc.Title);
        Assert.Equal(Difficulty.Easy, doc.Difficulty);
        Assert.Equal(["generalization"], doc.Tags);
        Assert.Equal(["bias-variance-tradeoff"], doc.Related);
        Assert.Equal("Overfitting means $x^2$.", doc.Answer);
        Assert.Contains("Start with a definition", doc.HowToAnswer, StringComparison.Ordinal);
        Assert.StartsWith("I would say", doc.ExampleAnswer, StringComparison.Ordinal);
        Assert.StartsWith("- How would you", doc.FollowUps, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheKeyPointsAsAListOfItems()
    {
        var (doc, problems) = Parse(Valid().Replace("- Gives a concrete example.", "- Gives a concrete example,\n  such as $x^2$.", StringComparison.Ordinal));

        Assert.Empty(problems);
        Assert.Equal(
            ["Defines the term in one sentence.", "Gives a concrete example, such as $x^2$.", "Names a way to detect it."],
            ContentParser.KeyPointItems(doc!.KeyPoints));
    }

    [Theory]
    [InlineData("- One.\n- Two.", "the key points have 2 bullets; write 3 to 6")]
    [InlineData("- 1\n- 2\n- 3\n- 4\n- 5\n- 6\n- 7", "the key points have 7 bullets; write 3 to 6")]
    [InlineData("A strong answer defines it, gives an example and says how to detect it.", "the key points must be a list: start each point with '- '")]
    public void KeyPointsThatCannotBeTickedOneByOneAreReported(string keyPoints, string message)
    {
        var text = Valid();
        var at = text.IndexOf("## Key points", StringComparison.Ordinal);
        var (doc, problems) = Parse(text[..at] + "## Key points\n\n" + keyPoints + "\n");

        Assert.Null(doc);
        Assert.Equal(message, Assert.Single(problems).Message);
    }

    [Fact]
    public void AQuestionWithoutKeyPointsIsReported()
    {
        var text = Valid();
        var (doc, problems) = Parse(text[..text.IndexOf("## Key points", StringComparison.Ordinal)]);

        Assert.Null(doc);
        Assert.Equal("the section '## Key points' is missing", Assert.Single(problems).Message);
    }

    [Fact]
    public void KeyPointsComeLast()
    {
        var text = Valid();
        var keyPoints = text[text.IndexOf("## Key points", StringComparison.Ordinal)..];
        var followUps = text.IndexOf("## Follow-ups", StringComparison.Ordinal);
        var (doc, problems) = Parse(text[..followUps] + keyPoints + "\n" + text[followUps..text.IndexOf("## Key points", StringComparison.Ordinal)]);

        Assert.Null(doc);
        Assert.Contains("the section '## Follow-ups' must come before '## Key points'", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeadingInsideFencedCodeDoesNotStartASection()
    {
        var (doc, problems) = Parse(Valid("Code:\n\n```python\n## Example answer\nprint(1)\n```"));

        Assert.Empty(problems);
        Assert.Contains("print(1)", doc!.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDifficultyIsReportedOnItsLine()
    {
        var (doc, problems) = Parse(Valid().Replace("difficulty: easy", "difficulty: brutal", StringComparison.Ordinal));

        Assert.Null(doc);
        var problem = Assert.Single(problems);
        Assert.Equal(4, problem.Line);
        Assert.Equal("questions/theory/overfitting.md:4: difficulty 'brutal' is not one of easy, medium, hard", problem.ToString());
    }

    [Fact]
    public void MalformedYamlIsReportedNearItsLine()
    {
        var (doc, problems) = Parse(Valid().Replace("tags: [generalization]", "tags: [generalization", StringComparison.Ordinal));

        Assert.Null(doc);
        var problem = Assert.Single(problems);
        Assert.InRange(problem.Line, 5, 7);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFrontMatterIsReportedOnLineOne()
    {
        var (_, problems) = Parse("## Answer\n\nNo front matter here.");

        Assert.Equal("questions/theory/overfitting.md:1: the file must start with front matter: a line '---', the fields, and another '---'", Assert.Single(problems).ToString());
    }

    [Fact]
    public void AnUnclosedFrontMatterIsReported()
    {
        var (_, problems) = Parse("---\ntitle: \"x\"\n## Answer\n");

        Assert.Contains("not closed", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingSectionIsReported()
    {
        var text = Valid();
        var cut = text.IndexOf("## Example answer", StringComparison.Ordinal);
        var (doc, problems) = Parse(text[..cut] + text[text.IndexOf("## Follow-ups", StringComparison.Ordinal)..]);

        Assert.Null(doc);
        Assert.Contains(problems, p => p.Message == "the section '## Example answer' is missing");
    }

    [Fact]
    public void SectionsOutOfOrderAreReportedOnTheLineOfTheLateOne()
    {
        var text = Valid().Replace("## How to answer it", "## Placeholder", StringComparison.Ordinal)
            .Replace("## Example answer", "## How to answer it", StringComparison.Ordinal)
            .Replace("## Placeholder", "## Example answer", StringComparison.Ordinal);
        var (_, problems) = Parse(text);

        var problem = Assert.Single(problems);
        Assert.Equal("the section '## How to answer it' must come before '## Example answer'", problem.Message);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l == "## How to answer it") + 1, problem.Line);
    }

    [Fact]
    public void AnUnknownSectionAndAnUnknownFieldAreReported()
    {
        var text = Valid().Replace("## Follow-ups", "## Follow ups", StringComparison.Ordinal).Replace("difficulty: easy", "difficulty: easy\nauthor: me", StringComparison.Ordinal);
        var (_, problems) = Parse(text);

        Assert.Contains(problems, p => p.Message.StartsWith("unknown section '## Follow ups'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.StartsWith("unknown field 'author'", StringComparison.Ordinal));
    }

    [Fact]
    public void ACategoryThatDoesNotMatchTheFolderIsReported()
    {
        var (_, problems) = Parse(Valid(), folder: "practical");

        Assert.Equal("questions/theory/overfitting.md:3: category 'theory' does not match the folder 'questions/practical'", Assert.Single(problems).ToString());
    }

    [Fact]
    public void RequiredFieldsAreReportedWhenMissing()
    {
        var (_, problems) = Parse("---\ntags: []\n---\n## Answer\n\na\n\n## How to answer it\n\nb\n\n## Example answer\n\nc\n\n## Follow-ups\n\n- d\n\n## Key points\n\n- e\n- f\n- g\n");

        Assert.Equal(
            ["the field 'title' is missing from the front matter", "the field 'category' is missing from the front matter", "the field 'difficulty' is missing from the front matter"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void TagsMustBeAListOfSlugs()
    {
        var (_, problems) = Parse(Valid().Replace("tags: [generalization]", "tags: [Big Data, ok]", StringComparison.Ordinal));

        Assert.Equal("'Big Data' in 'tags' is not a slug: use lower-case letters, digits and hyphens", Assert.Single(problems).Message);
    }

    [Fact]
    public void AFileNameThatIsNotASlugIsReported()
    {
        var (_, problems) = Parse(Valid(), slug: "Over Fitting");

        Assert.Contains(problems, p => p.Message.StartsWith("the file name 'Over Fitting' is not a slug", StringComparison.Ordinal));
    }
}

public sealed class DecodingAContentFile
{
    private static (string? Text, List<ContentProblem> Problems) Decode(byte[] bytes, int max = 256 * 1024)
    {
        var problems = new List<ContentProblem>();
        return (ContentParser.Decode("questions/theory/x.md", bytes, max, problems), problems);
    }

    [Fact]
    public void AnEmptyFileIsRejected() =>
        Assert.Equal("questions/theory/x.md:1: the file is empty", Assert.Single(Decode([]).Problems).ToString());

    [Fact]
    public void ABinaryFileIsRejectedAtTheLineOfItsFirstNulByte()
    {
        var (text, problems) = Decode([.. "---\nline two\n"u8.ToArray(), 0, 1, 2]);

        Assert.Null(text);
        Assert.Equal("questions/theory/x.md:3: the file is binary (it contains a NUL byte), not markdown text", Assert.Single(problems).ToString());
    }

    [Fact]
    public void InvalidUtf8IsRejectedAtItsLine()
    {
        var (text, problems) = Decode([.. "one\ntwo\n"u8.ToArray(), 0xC3, 0x28]);

        Assert.Null(text);
        Assert.Equal("questions/theory/x.md:3: the file is not valid UTF-8 text; save it as UTF-8", Assert.Single(problems).ToString());
    }

    [Fact]
    public void AnOversizedFileIsRejectedWithItsSize()
    {
        var (text, problems) = Decode(new byte[10 * 1024 * 1024]);

        Assert.Null(text);
        Assert.Equal("questions/theory/x.md:1: the file is 10.0 MB; the limit is 256 KB", Assert.Single(problems).ToString());
    }

    [Fact]
    public void AByteOrderMarkAndWindowsLineEndingsAreAccepted()
    {
        var (text, problems) = Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("---\r\ntitle: x\r\n---\r\n")]);

        Assert.Empty(problems);
        Assert.Equal("---\ntitle: x\n---\n", text);
    }
}
