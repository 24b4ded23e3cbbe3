using System.Globalization;

namespace InterviewPrep.Web.Features.Flashcards.Scheduling;

/// <summary>
/// JavaScript's number arithmetic where it differs from .NET's, so the scheduler rounds and seeds
/// exactly as the reference implementation (ts-fsrs) does.
/// </summary>
internal static class JsNumbers
{
    private const double TwoTo32 = 4294967296.0;

    /// <summary>Math.round: halves go up (towards +infinity), unlike Math.Round's banker's rounding.</summary>
    public static double Round(double x)
    {
        // Not Math.Floor(x + 0.5): that adds a rounding error for values just under a half.
        var floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>ts-fsrs roundTo: Math.round(x * 10^decimals) / 10^decimals.</summary>
    public static double RoundTo(double x, int decimals)
    {
        var factor = Math.Pow(10, decimals);
        return Round(x * factor) / factor;
    }

    /// <summary>ToUint32 of the spec, as <c>x &gt;&gt;&gt; 0</c> does it.</summary>
    public static double ToUint32(double x)
    {
        if (!double.IsFinite(x))
        {
            return 0;
        }
        var m = Math.Truncate(x) % TwoTo32;
        return m < 0 ? m + TwoTo32 : m;
    }

    /// <summary>ToInt32 of the spec, as <c>x | 0</c> does it.</summary>
    public static double ToInt32(double x)
    {
        var m = ToUint32(x);
        return m >= TwoTo32 / 2 ? m - TwoTo32 : m;
    }

    /// <summary>Number.prototype.toString(): the shortest round-trip digits, laid out as JavaScript does.</summary>
    public static string ToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return "0";
        }

        var sign = value < 0 ? "-" : "";
        // "R" gives the same shortest round-trip digits as JavaScript; only the layout differs.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var allDigits = integerPart + (dot >= 0 ? text[(dot + 1)..] : "");
        var significant = allDigits.TrimStart('0');
        // value = 0.digits × 10^n
        var n = integerPart.Length + exponent - (allDigits.Length - significant.Length);
        var digits = significant.TrimEnd('0');
        var k = digits.Length;

        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }
        if (n is > 0 and <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }
        if (n is > -6 and <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }
        var shown = n - 1;
        return sign + digits[..1] + (k > 1 ? "." + digits[1..] : "") + "e" + (shown >= 0 ? "+" : "-")
            + Math.Abs(shown).ToString(CultureInfo.InvariantCulture);
    }
}
