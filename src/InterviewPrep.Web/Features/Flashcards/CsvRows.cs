using System.Text;

namespace InterviewPrep.Web.Features.Flashcards;

/// <summary>A row of a CSV file with the line it starts on (1-based), or the problem that stopped it.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells, string? Problem = null);

/// <summary>
/// Reads and writes CSV as RFC 4180 has it (quotes around cells with commas, quotes or line breaks; doubled
/// quotes inside). Lines starting with <c>#</c> are skipped, as Anki's file headers are.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<CsvRow> Read(string text)
    {
        var line = 1;
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }
        while (i < text.Length)
        {
            var start = line;
            var rowStart = i;
            if (text[i] == '#')
            {
                i = NextLine(text, i);
                line++;
                continue;
            }
            var cells = new List<string>();
            var cell = new StringBuilder();
            string? problem = null;
            var atCellStart = true;
            var done = false;
            while (!done)
            {
                if (i >= text.Length)
                {
                    cells.Add(cell.ToString());
                    break;
                }
                var c = text[i];
                if (atCellStart && c == '"')
                {
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                cell.Append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (IsLineBreak(text, i))
                        {
                            line++;
                        }
                        cell.Append(text[i]);
                        i++;
                    }
                    if (!closed)
                    {
                        // Only this row is lost: reading starts again on the line after the one it began on.
                        i = NextLine(text, rowStart);
                        line = start + 1;
                        problem = "a quoted cell is never closed";
                        break;
                    }
                    atCellStart = false;
                    // After the closing quote only a separator or the end of the line may follow.
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        problem ??= "text follows a closing quote";
                    }
                    continue;
                }
                switch (c)
                {
                    case ',':
                        cells.Add(cell.ToString());
                        cell.Clear();
                        atCellStart = true;
                        i++;
                        break;
                    case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                        i++;
                        break;
                    case '\r' or '\n':
                        cells.Add(cell.ToString());
                        i++;
                        line++;
                        done = true;
                        break;
                    default:
                        cell.Append(c);
                        atCellStart = false;
                        i++;
                        break;
                }
            }
            if (problem is not null)
            {
                yield return new CsvRow(start, cells, problem);
                continue;
            }
            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue;
            }
            yield return new CsvRow(start, cells);
        }
    }

    /// <summary>Whether a line ends at <paramref name="i"/>: a \n, or a \r not followed by one (old Mac files); \r\n counts once, at its \n.</summary>
    private static bool IsLineBreak(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'));

    /// <summary>Where the line after the one holding <paramref name="i"/> starts (the end of the text if none does).</summary>
    private static int NextLine(string text, int i)
    {
        while (i < text.Length && !IsLineBreak(text, i))
        {
            i++;
        }
        return Math.Min(i + 1, text.Length);
    }

    /// <summary>One line of cells, quoted where needed.</summary>
    public static void AppendLine(StringBuilder csv, params string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (value.Length > 0 && value[0] == '#')
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
}
