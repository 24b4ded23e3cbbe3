using InterviewPrep.Web.Features.Questions;

namespace InterviewPrep.Web.Features.Content;

/// <summary>One problem in a content file, reported as <c>path:line: message</c> so an editor can jump to it.</summary>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>A question file that parsed and validated on its own.</summary>
public sealed record QuestionDocument(
    string Slug,
    string Path,
    string Title,
    string Category,
    Difficulty Difficulty,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Related,
    string Answer,
    string HowToAnswer,
    string ExampleAnswer,
    string FollowUps,
    string KeyPoints)
{
    /// <summary>Line of the <c>title</c> field, for problems found across files.</summary>
    public int TitleLine { get; init; } = 1;
    public int RelatedLine { get; init; } = 1;
    public int CategoryLine { get; init; } = 1;
}

/// <summary>A category or guide file: front matter and one markdown body.</summary>
public sealed record PageDocument(string Slug, string Path, string Title, int Order, string Summary, string Body);

/// <summary>A page imported from one markdown file: a category or a guide.</summary>
public interface IContentPage
{
    string Slug { get; }
    string Title { get; set; }
    int Order { get; set; }
    string Summary { get; set; }
    string BodyMarkdown { get; set; }
    string BodyHtml { get; set; }
    string ContentHash { get; set; }
    string SourcePath { get; set; }
    bool IsRetired { get; set; }
}
