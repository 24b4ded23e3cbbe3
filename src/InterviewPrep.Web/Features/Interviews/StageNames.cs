using System.Text.RegularExpressions;

namespace InterviewPrep.Web.Features.Interviews;

/// <summary>Words for enum values as people read them: RecruiterScreen becomes "Recruiter screen".</summary>
public static partial class StageNames
{
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    public static string Label(Enum value)
    {
        var words = WordBoundary().Split(value.ToString());
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
    }

    /// <summary>An interview in these stages is over, whatever its date.</summary>
    public static bool IsClosed(InterviewStage stage) => stage is InterviewStage.Offer or InterviewStage.Rejected or InterviewStage.Withdrawn;
}
