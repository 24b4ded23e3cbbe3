using System.Globalization;

namespace InterviewPrep.Web.Features.Shared;

/// <summary>A count as the pages show it, with thousands grouped: "10,000 questions", not "10000 questions".</summary>
public static class Counts
{
    public static string Format(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
