using InterviewPrep.Web.Features.Flashcards;
using InterviewPrep.Web.Features.Flashcards.Scheduling;

namespace InterviewPrep.Tests.Flashcards;

public sealed class ComputingStats
{
    private static CountedReview At(string utc, Grade grade = Grade.Good, CardState before = CardState.Review) =>
        new(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), grade, before);

    [Fact]
    public void ReviewsAreCountedOnTheUsersOwnDay()
    {
        // 23:30 UTC on 9 March is 00:30 on 10 March in Berlin, but still 9 March in New York (19:30).
        var reviews = new[] { At("2026-03-09T23:30:00Z"), At("2026-03-10T08:00:00Z") };
        var today = new DateOnly(2026, 3, 10);

        var berlin = FlashcardStats.ReviewsPerDay(reviews, "Europe/Berlin", today, days: 2);
        var newYork = FlashcardStats.ReviewsPerDay(reviews, "America/New_York", today, days: 2);

        Assert.Equal([new DayCount(today.AddDays(-1), 0), new DayCount(today, 2)], berlin);
        Assert.Equal([new DayCount(today.AddDays(-1), 1), new DayCount(today, 1)], newYork);
    }

    [Fact]
    public void TheStreakCountsDaysInARowInTheUsersZoneAndSurvivesUntilTheDayIsOver()
    {
        var reviews = new[] { At("2026-03-07T10:00:00Z"), At("2026-03-08T10:00:00Z"), At("2026-03-09T22:30:00Z") };

        // In Berlin the last review fell on 9 March at 23:30: 7, 8, 9 March; today (10th) has none yet.
        Assert.Equal(3, FlashcardStats.Streak(reviews, "Europe/Berlin", new DateOnly(2026, 3, 10)));
        // In Tokyo it fell on the 10th at 07:30, and 8th 19:00, 7th 19:00: the 9th is missing.
        Assert.Equal(1, FlashcardStats.Streak(reviews, "Asia/Tokyo", new DateOnly(2026, 3, 10)));
        Assert.Equal(0, FlashcardStats.Streak(reviews, "Europe/Berlin", new DateOnly(2026, 3, 12)));
    }

    [Fact]
    public void TrueRetentionCountsOnlyReviewCardsInTheWindow()
    {
        var now = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
        var reviews = new[]
        {
            At("2026-03-09T10:00:00Z", Grade.Good),
            At("2026-03-08T10:00:00Z", Grade.Again),
            At("2026-03-07T10:00:00Z", Grade.Hard),
            At("2026-03-09T11:00:00Z", Grade.Again, CardState.Learning), // a learning step is not retention
            At("2026-03-09T12:00:00Z", Grade.Again, CardState.New),
            At("2026-01-01T10:00:00Z", Grade.Again),                     // outside 7 and 30 days
        };

        var week = FlashcardStats.TrueRetention(reviews, now, 7);
        var year = FlashcardStats.TrueRetention(reviews, now, 365);

        Assert.Equal(3, week.Reviews);
        Assert.Equal(2.0 / 3, week.Share!.Value, 10);
        Assert.Equal(4, year.Reviews);
        Assert.Equal(0.5, year.Share!.Value, 10);
        Assert.Null(FlashcardStats.TrueRetention([], now, 30).Share);
    }

    [Fact]
    public void TheForecastPutsOverdueCardsOnTodayAndSkipsNewOnes()
    {
        var today = new DateOnly(2026, 3, 10);
        var cards = new[]
        {
            (CardState.Review, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc)),
            (CardState.Review, new DateTime(2026, 3, 10, 23, 30, 0, DateTimeKind.Utc)), // 00:30 on 11 March in Berlin
            (CardState.Learning, new DateTime(2026, 3, 10, 9, 10, 0, DateTimeKind.Utc)),
            (CardState.New, new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc)),
            (CardState.Review, new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc)),   // beyond 30 days
        };

        var forecast = FlashcardStats.DueForecast(cards, "Europe/Berlin", today);

        Assert.Equal(30, forecast.Count);
        Assert.Equal(2, forecast[0].Count);
        Assert.Equal(1, forecast[1].Count);
        Assert.Equal(3, forecast.Sum(d => d.Count));
    }

    [Fact]
    public void TheDayStartsAtLocalMidnight()
    {
        Assert.Equal(new DateTime(2026, 3, 10, 23, 0, 0, DateTimeKind.Utc), FlashcardStats.StartOfNextDayUtc(new DateOnly(2026, 3, 10), "Europe/Berlin"));
        // The night clocks go forward in New York (8 March 2026): midnight is still 05:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc), FlashcardStats.StartOfNextDayUtc(new DateOnly(2026, 3, 7), "America/New_York"));
        Assert.Equal(new DateTime(2026, 3, 9, 4, 0, 0, DateTimeKind.Utc), FlashcardStats.StartOfNextDayUtc(new DateOnly(2026, 3, 8), "America/New_York"));
    }
}

public sealed class SplittingStudySessions
{
    private static readonly DateTime Start = new(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc);

    private static SessionReview At(double minutes, Grade grade = Grade.Good) => new(Start.AddMinutes(minutes), 20_000, grade, "all", null);

    [Fact]
    public void AGapOf30MinutesEndsASession()
    {
        var sessions = StudySessions.Split([At(0), At(5), At(35), At(39), At(69)], TimeSpan.FromMinutes(30));

        Assert.Equal([2, 2, 1], sessions.Select(s => s.Count));
    }

    [Fact]
    public void ASessionRunsFromTheFirstShowingToTheLastGradeAndIsRatedByWhatWasRecalled()
    {
        var summary = StudySessions.Summarize([At(0, Grade.Again), At(6), At(12, Grade.Easy), At(20)]);

        Assert.Equal(Start.AddSeconds(-20), summary.StartUtc);
        Assert.Equal(20, summary.Minutes);
        Assert.Equal(4, summary.Rating); // 3 of 4 recalled
        Assert.Equal("Flashcards: 4 reviews, 3 recalled.", summary.Notes);
        Assert.Equal(1, StudySessions.Summarize([At(0, Grade.Again)]).Minutes);
    }
}

public sealed class ReadingCsv
{
    [Fact]
    public void ReadsQuotedCellsWithCommasQuotesAndLineBreaksAndSkipsHashLines()
    {
        var rows = CsvRows.Read("#separator:Comma\r\nfront,back\r\n\"a, b\",\"say \"\"hi\"\"\nthen go\"\r\nplain,cell,tags\n").ToList();

        Assert.Equal([2, 3, 5], rows.Select(r => r.Line));
        Assert.Equal(["a, b", "say \"hi\"\nthen go"], rows[1].Cells);
        Assert.Equal(["plain", "cell", "tags"], rows[2].Cells);
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void AnUnclosedQuoteSpoilsOnlyItsOwnRow()
    {
        var rows = CsvRows.Read("ok,one\n\"broken,two\nok,three\n").ToList();

        Assert.Equal(["ok,one", "problem@2", "ok,three"], rows.Select(r => r.Problem is null ? string.Join(",", r.Cells) : $"problem@{r.Line}"));
    }

    [Fact]
    public void ABareCarriageReturnEndsALineWhereverItIs()
    {
        // Line endings of old Mac files: a comment, a quoted cell over two lines, an unclosed quote, all with a bare \r.
        var rows = CsvRows.Read("#comment\rfront,back\r\"two\rlines\",b\r\"broken,c\rlast,d").ToList();

        Assert.Equal(["2:front,back", "3:two\rlines,b", "5:problem", "6:last,d"],
            rows.Select(r => $"{r.Line}:{(r.Problem is null ? string.Join(",", r.Cells) : "problem")}"));
    }

    [Fact]
    public void WritingQuotesOnlyWhatNeedsIt()
    {
        var csv = new System.Text.StringBuilder();
        CsvRows.AppendLine(csv, "plain", "a,b", "say \"hi\"", "#not a header");

        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"#not a header\"\r\n", csv.ToString());
        Assert.Equal(["plain", "a,b", "say \"hi\"", "#not a header"], CsvRows.Read(csv.ToString()).Single().Cells);
    }
}
