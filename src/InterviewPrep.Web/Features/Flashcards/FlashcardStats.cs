using InterviewPrep.Web.Features.Flashcards.Scheduling;
using InterviewPrep.Web.Features.Practice;
using InterviewPrep.Web.Infrastructure;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>A review that counts: graded and not undone.</summary>
public readonly record struct CountedReview(DateTime AtUtc, Grade Grade, CardState StateBefore);

/// <summary>A number of something on a day.</summary>
public readonly record struct DayCount(DateOnly Day, int Count);

/// <summary>A share with the number it was taken over; <see cref="Share"/> is null when there was nothing to count.</summary>
public readonly record struct Retention(int Days, int Reviews, double? Share);

/// <summary>Reviews per day, true retention, the due forecast and the streak. Pure: no clock, no database.</summary>
public static class FlashcardStats
{
    /// <summary>The day of an instant in the user's time zone.</summary>
    public static DateOnly LocalDay(DateTime utc, string zoneId) => DateOnly.FromDateTime(TimeZones.ToLocal(utc, zoneId));

    /// <summary>The first instant (UTC) of the user's day after <paramref name="day"/>.</summary>
    public static DateTime StartOfNextDayUtc(DateOnly day, string zoneId)
    {
        var next = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // Midnight can be skipped by a clock change (a few zones change at 00:00); then the day starts an hour later.
        return TimeZones.ToUtc(next, zoneId) ?? TimeZones.ToUtc(next.AddHours(1), zoneId) ?? DateTime.SpecifyKind(next, DateTimeKind.Utc);
    }

    /// <summary>One bar per day for the <paramref name="days"/> days ending today, in the user's time zone.</summary>
    public static IReadOnlyList<DayCount> ReviewsPerDay(IEnumerable<CountedReview> reviews, string zoneId, DateOnly today, int days = 30)
    {
        var counts = reviews.GroupBy(r => LocalDay(r.AtUtc, zoneId)).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1))
            .Select(day => new DayCount(day, counts.GetValueOrDefault(day))).ToList();
    }

    /// <summary>
    /// True retention: of the reviews of cards that were in the Review state (not learning, not new) in the last
    /// <paramref name="days"/> days, the share not graded Again.
    /// </summary>
    public static Retention TrueRetention(IEnumerable<CountedReview> reviews, DateTime nowUtc, int days)
    {
        var since = nowUtc.AddDays(-days);
        var counted = reviews.Where(r => r.StateBefore == CardState.Review && r.AtUtc > since && r.AtUtc <= nowUtc).ToList();
        return new Retention(days, counted.Count, counted.Count == 0 ? null : (double)counted.Count(r => r.Grade != Grade.Again) / counted.Count);
    }

    /// <summary>Cards that will be due on each of the next <paramref name="days"/> days; overdue cards count today.</summary>
    public static IReadOnlyList<DayCount> DueForecast(IEnumerable<(CardState State, DateTime DueUtc)> cards, string zoneId, DateOnly today, int days = 30)
    {
        var counts = cards.Where(c => c.State != CardState.New)
            .Select(c => LocalDay(c.DueUtc, zoneId))
            .Select(day => day < today ? today : day)
            .GroupBy(day => day).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, days).Select(i => today.AddDays(i))
            .Select(day => new DayCount(day, counts.GetValueOrDefault(day))).ToList();
    }

    /// <summary>Days in a row, ending today (or yesterday, before today's first review), with at least one review.</summary>
    public static int Streak(IEnumerable<CountedReview> reviews, string zoneId, DateOnly today) =>
        PracticeStats.CurrentStreak(reviews.Select(r => LocalDay(r.AtUtc, zoneId)), today);

    /// <summary>The mean of a set of retrievabilities, 0 for none.</summary>
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? 0 : values.Average();
}
