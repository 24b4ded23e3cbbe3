namespace InterviewPrep.Web.Features.Practice;

/// <summary>Streaks, the year heatmap and minutes per category, computed from practice days. Pure: no clock, no database.</summary>
public static class PracticeStats
{
    /// <summary>
    /// Consecutive days with practice ending today, or ending yesterday when today has none yet
    /// (a streak is not broken before the day is over).
    /// </summary>
    public static int CurrentStreak(IEnumerable<DateOnly> days, DateOnly today)
    {
        var set = days.ToHashSet();
        var day = set.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (set.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }
        return streak;
    }

    public static int LongestStreak(IEnumerable<DateOnly> days)
    {
        var longest = 0;
        var run = 0;
        DateOnly? previous = null;
        foreach (var day in days.Distinct().Order())
        {
            run = previous is { } p && p.AddDays(1) == day ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }
        return longest;
    }

    /// <summary>One cell per day for the 53 weeks ending with today's week (weeks start on Monday), with the minutes practised.</summary>
    public static IReadOnlyList<HeatmapDay> Heatmap(IEnumerable<(DateOnly Day, int Minutes)> sessions, DateOnly today)
    {
        var minutes = sessions.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));
        var mondayOffset = ((int)today.DayOfWeek + 6) % 7;
        var start = today.AddDays(-mondayOffset - 52 * 7);
        var cells = new List<HeatmapDay>();
        for (var day = start; day <= today; day = day.AddDays(1))
        {
            cells.Add(new HeatmapDay(day, minutes.GetValueOrDefault(day)));
        }
        return cells;
    }

    /// <summary>Heat level 0-4 of a day: none, then quartiles of a 2-hour scale.</summary>
    public static int Level(int minutes) => minutes switch
    {
        <= 0 => 0,
        < 30 => 1,
        < 60 => 2,
        < 120 => 3,
        _ => 4,
    };

    /// <summary>Minutes per category, a session's minutes shared evenly among the categories it covered; most first.</summary>
    public static IReadOnlyList<(string Category, int Minutes)> MinutesPerCategory(IEnumerable<(int Minutes, IReadOnlyList<string> Categories)> sessions)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (minutes, categories) in sessions)
        {
            foreach (var category in categories)
            {
                totals[category] = totals.GetValueOrDefault(category) + (double)minutes / categories.Count;
            }
        }
        return totals.Select(t => (t.Key, (int)Math.Round(t.Value))).OrderByDescending(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
    }
}

public readonly record struct HeatmapDay(DateOnly Day, int Minutes);
