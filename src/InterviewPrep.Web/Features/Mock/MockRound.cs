using InterviewPrep.Web.Features.Account;

namespace InterviewPrep.Web.Features.Mock;

/// <summary>
/// A mock interview round: a few questions under a clock, answered one at a time, then scored against each question's
/// key points and the round's signals. The server keeps the clock: every time here is the server's.
/// </summary>
public sealed class MockRound : IUserOwned
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public MockKind Kind { get; set; }

    /// <summary>The interview the round prepares for, when it was started from one (its checklist came first).</summary>
    public int? InterviewId { get; set; }
    public int LengthMinutes { get; set; }

    /// <summary>Score each answer as soon as it is given, or all of them at the end.</summary>
    public bool ScoreAtEnd { get; set; }
    public DateTime StartedAtUtc { get; set; }

    /// <summary>When the last answer was scored or the round was ended early; null while it runs.</summary>
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The practice session the finished round was logged as.</summary>
    public int? PracticeSessionId { get; set; }
    public List<MockAnswer> Answers { get; set; } = [];
}

/// <summary>One question of a round: its time budget, the candidate's answer and its score.</summary>
public sealed class MockAnswer
{
    public int Id { get; set; }
    public int RoundId { get; set; }

    /// <summary>0 for the first question of the round.</summary>
    public int Position { get; set; }
    public int QuestionId { get; set; }
    public int BudgetSeconds { get; set; }

    /// <summary>When the question was first shown; null until then.</summary>
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public AnswerMode Mode { get; set; }

    /// <summary>The typed answer, kept as a draft while the candidate types.</summary>
    public string Text { get; set; } = "";
    public DateTime? DraftSavedAtUtc { get; set; }

    /// <summary>The key points the candidate ticked, by their place in the question's list (0-based), comma-separated.</summary>
    public string KeyPointsHit { get; set; } = "";
    public int KeyPointCount { get; set; }

    /// <summary>The four signals of the round's rubric, each 1 to 4; null until scored.</summary>
    public int? Signal1 { get; set; }
    public int? Signal2 { get; set; }
    public int? Signal3 { get; set; }
    public int? Signal4 { get; set; }
    public DateTime? ScoredAtUtc { get; set; }

    /// <summary>The flashcard grade the score became.</summary>
    public long? ReviewLogId { get; set; }

    public bool IsSkipped => SubmittedAtUtc is not null && Mode == AnswerMode.Skipped;

    /// <summary>How long the answer took, from its first showing to its submission; zero until both happened.</summary>
    public TimeSpan Took => StartedAtUtc is { } start && SubmittedAtUtc is { } end && end > start ? end - start : TimeSpan.Zero;
}

/// <summary>
/// A spoken answer, recorded in the browser and kept with its answer: the user's own, never public, deletable, and
/// read only when played (a round's pages never load the audio with the answers).
/// </summary>
public sealed class MockRecording : IUserOwned
{
    /// <summary>The largest recording kept: about half an hour of speech at the 32 kbit/s the page records at.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    public int Id { get; set; }
    public required string UserId { get; set; }
    public int AnswerId { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Audio { get; set; }
    public int SizeBytes { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The audio types a browser records (MediaRecorder) and plays back; anything else is refused.</summary>
    public static bool IsAudio(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() is "audio/webm" or "audio/ogg" or "audio/mp4" or "audio/mpeg" or "audio/wav" or "audio/x-wav" or "audio/aac";
}

/// <summary>How a question was answered.</summary>
public enum AnswerMode
{
    Typed,
    OutLoud,

    /// <summary>Spoken and recorded: a <see cref="MockRecording"/> is kept with it.</summary>
    Recorded,

    /// <summary>Not answered: the round was ended before it.</summary>
    Skipped,
}

/// <summary>What a round rehearses.</summary>
public enum MockKind
{
    Fundamentals,
    Coding,
    SystemDesign,
    GenAI,
    Behavioral,
    Onsite,

    /// <summary>An interview's own round: its prep checklist first.</summary>
    Interview,
}
