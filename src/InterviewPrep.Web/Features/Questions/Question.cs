using InterviewPrep.Web.Features.Categories;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>An interview question of the bank, imported from <c>content/questions/&lt;category&gt;/&lt;slug&gt;.md</c>.</summary>
public sealed class Question
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public Difficulty Difficulty { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public List<string> RelatedSlugs { get; set; } = [];

    public string AnswerMarkdown { get; set; } = "";
    public string AnswerHtml { get; set; } = "";
    public string HowToAnswerMarkdown { get; set; } = "";
    public string HowToAnswerHtml { get; set; } = "";
    public string ExampleAnswerMarkdown { get; set; } = "";
    public string ExampleAnswerHtml { get; set; } = "";
    public string FollowUpsMarkdown { get; set; } = "";
    public string FollowUpsHtml { get; set; } = "";

    /// <summary>What a strong answer must contain: the rubric a mock answer is scored against. Empty until written.</summary>
    public string KeyPointsMarkdown { get; set; } = "";
    public string KeyPointsHtml { get; set; } = "";

    /// <summary>The plain text of every section, which search indexes and cuts its snippets from.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>SHA-256 of the source file and the renderer version; an unchanged file is skipped on import.</summary>
    public required string ContentHash { get; set; }
    public required string SourcePath { get; set; }

    /// <summary>
    /// The renderer version, length and last-write time of the file when it was last read: a file whose stamp is
    /// unchanged is not read again on import. A different stamp means the file is read and hashed.
    /// </summary>
    public string SourceStamp { get; set; } = "";

    /// <summary>The file is gone from <c>content/</c>: hidden from browsing, kept because review history points at it.</summary>
    public bool IsRetired { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>How hard a question is; the order is the order of study.</summary>
public enum Difficulty
{
    Easy = 1,
    Medium = 2,
    Hard = 3,
}

/// <summary>A label shared across questions, used for filtering.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public List<Question> Questions { get; set; } = [];
}
