using InterviewPrep.Web.Features.Account;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>One interview in a candidate's pipeline: when, with whom, how it went, and how to prepare.</summary>
public sealed class Interview : IUserOwned
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Company { get; set; }
    public required string Role { get; set; }
    public InterviewStage Stage { get; set; }
    public string? RoundName { get; set; }

    /// <summary>Stored in UTC; entered and shown in <see cref="TimeZoneId"/>.</summary>
    public DateTime? ScheduledAtUtc { get; set; }
    public string TimeZoneId { get; set; } = "UTC";
    public int DurationMinutes { get; set; } = 60;
    public InterviewFormat Format { get; set; }

    /// <summary>A meeting link (http or https) or a place.</summary>
    public string? Location { get; set; }
    public string NotesMarkdown { get; set; } = "";
    public string NotesHtml { get; set; } = "";
    public string? Outcome { get; set; }
    public string DebriefMarkdown { get; set; } = "";
    public string DebriefHtml { get; set; } = "";

    /// <summary>The calendar event's UID: stable across edits, so calendars update the event instead of adding one.</summary>
    public Guid CalendarUid { get; set; } = Guid.NewGuid();

    /// <summary>Incremented on every save; a stale form is refused instead of overwriting another tab's change.</summary>
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public List<InterviewContact> Contacts { get; set; } = [];
    public List<StageChange> StageHistory { get; set; } = [];
    public List<PrepItem> Checklist { get; set; } = [];
    public List<AskedQuestion> AskedQuestions { get; set; } = [];

    public DateTime? EndsAtUtc => ScheduledAtUtc?.AddMinutes(DurationMinutes);
}

/// <summary>Where an application stands; the order is the usual order of a hiring process.</summary>
public enum InterviewStage
{
    Applied,
    RecruiterScreen,
    TechnicalScreen,
    TakeHome,
    Onsite,
    Final,
    Offer,
    Rejected,
    Withdrawn,
}

public enum InterviewFormat
{
    Video,
    Phone,
    Onsite,
    TakeHome,
}

/// <summary>A person met in an interview process.</summary>
public sealed class InterviewContact
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
}

/// <summary>An entry of an interview's stage history; appended on every change, never edited.</summary>
public sealed class StageChange
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public InterviewStage Stage { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>An item of an interview's prep checklist: a category or a question to review, or a question to ask.</summary>
public sealed class PrepItem
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public PrepItemKind Kind { get; set; }
    public int? CategoryId { get; set; }
    public int? QuestionId { get; set; }
    public required string Text { get; set; }
    public bool IsDone { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public enum PrepItemKind
{
    Category,
    Question,
    AskInterviewer,
}

/// <summary>A question the candidate was actually asked, recorded in the debrief; a personal question, ready to become a flashcard.</summary>
public sealed class AskedQuestion
{
    public int Id { get; set; }
    public int InterviewId { get; set; }
    public required string Text { get; set; }
    public int? QuestionId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
