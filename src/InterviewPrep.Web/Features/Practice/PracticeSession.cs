using InterviewPrep.Web.Features.Account;
using InterviewPrep.Web.Features.Categories;

namespace InterviewPrep.Web.Features.Practice;

/// <summary>A stretch of practice: when, how long, what kind, which categories, and how it felt.</summary>
public sealed class PracticeSession : IUserOwned
{
    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The day in the user's own time zone.</summary>
    public DateOnly Date { get; set; }
    public int DurationMinutes { get; set; }
    public PracticeKind Kind { get; set; }
    public List<Category> Categories { get; set; } = [];
    public int? InterviewId { get; set; }

    /// <summary>1 (rough) to 5 (great).</summary>
    public int Rating { get; set; }
    public string NotesMarkdown { get; set; } = "";
    public string NotesHtml { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public enum PracticeKind
{
    Flashcards,
    MockInterview,
    Coding,
    Reading,
    Other,
}
