using System.Globalization;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>How long until a card comes back, in words short enough for a button: "10 min", "4 days", "2.5 months".</summary>
public static class IntervalLabel
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1))
        {
            return "<1 min";
        }
        if (span < TimeSpan.FromHours(1))
        {
            return Plural((int)Math.Round(span.TotalMinutes), "min", "min");
        }
        if (span < TimeSpan.FromDays(1))
        {
            return Plural((int)Math.Round(span.TotalHours), "hour", "hours");
        }
        if (span < TimeSpan.FromDays(31))
        {
            return Plural((int)Math.Round(span.TotalDays), "day", "days");
        }
        if (span < TimeSpan.FromDays(365))
        {
            return Decimal(span.TotalDays / 30.4375, "month", "months");
        }
        return Decimal(span.TotalDays / 365.25, "year", "years");
    }

    private static string Plural(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    private static string Decimal(double n, string one, string many)
    {
        var rounded = Math.Round(n, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{rounded:0.#} {(rounded == 1 ? one : many)}");
    }
}
