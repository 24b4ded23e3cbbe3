using System.Globalization;

namespace InterviewPrep.Web.Infrastructure;

/// <summary>Says how far away a moment is in words: "in 3 days", "in 2 hours", "yesterday".</summary>
public static class Countdown
{
    public static string Describe(DateTime whenUtc, DateTimeOffset now)
    {
        var delta = DateTime.SpecifyKind(whenUtc, DateTimeKind.Utc) - now.UtcDateTime;
        var future = delta >= TimeSpan.Zero;
        var span = future ? delta : -delta;
        string amount;
        if (span < TimeSpan.FromMinutes(1))
        {
            return "now";
        }
        else if (span < TimeSpan.FromHours(1))
        {
            amount = Plural((int)span.TotalMinutes, "minute");
        }
        else if (span < TimeSpan.FromDays(1))
        {
            amount = Plural((int)span.TotalHours, "hour");
        }
        else if (span < TimeSpan.FromDays(60))
        {
            amount = Plural((int)span.TotalDays, "day");
        }
        else
        {
            amount = Plural((int)(span.TotalDays / 30.4), "month");
        }
        return future ? $"in {amount}" : $"{amount} ago";
    }

    private static string Plural(int n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
