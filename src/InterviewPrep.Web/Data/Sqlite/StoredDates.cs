using Microsoft.Data.Sqlite;

namespace InterviewPrep.Web.Data.Sqlite;

/// <summary>
/// Reads a date and time as EF Core and Microsoft.Data.Sqlite store it: "yyyy-MM-dd HH:mm:ss", then a dot and one to
/// seven digits of fraction when there is one. Read by position, it costs a tenth of <see cref="DateTime.Parse(string)"/>,
/// which the reader uses and which a review ran for every card of the deck.
/// </summary>
public static class StoredDates
{
    /// <summary>The column's date and time, of unspecified kind (as the reader gives it); text in any other form goes to the reader.</summary>
    public static DateTime Read(SqliteDataReader row, int ordinal) =>
        TryParse(row.GetString(ordinal), out var value) ? value : row.GetDateTime(ordinal);

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length is < 19 or 20 or > 27
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':' || (text.Length > 19 && text[19] != '.')
            || !Number(text[..4], out var year) || !Number(text[5..7], out var month) || !Number(text[8..10], out var day)
            || !Number(text[11..13], out var hour) || !Number(text[14..16], out var minute) || !Number(text[17..19], out var second)
            || !Number(text.Length > 19 ? text[20..] : [], out var fraction)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var ticks = fraction;
        for (var digits = text.Length > 19 ? text.Length - 20 : 7; digits < 7; digits++)
        {
            ticks *= 10;
        }
        value = new DateTime(year, month, day, hour, minute, second).AddTicks(text.Length > 19 ? ticks : 0);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
