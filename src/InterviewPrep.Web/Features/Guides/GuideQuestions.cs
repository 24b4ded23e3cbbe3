namespace InterviewPrep.Web.Features.Guides;

/// <summary>The questions of the "ask the interviewer" guide: its level-three headings.</summary>
public static class GuideQuestions
{
    public static IReadOnlyList<string> FromMarkdown(string markdown) => markdown
        .Split('\n')
        .Where(line => line.StartsWith("### ", StringComparison.Ordinal))
        .Select(line => line[4..].Trim().Trim('*').Trim())
        .Where(text => text.Length is > 0 and <= 300)
        .ToList();
}
