using Bellwether.Core.Time;

namespace Bellwether.Browser.Tests;

/// <summary>
/// The demo company's files read straight from its folder (the CSVs the store imported), as an independent source for
/// the numbers the pages show: no engine, no store, only the rows and a few lines of arithmetic.
/// </summary>
public sealed class DemoFiles(string folder)
{
    /// <summary>"Now" as the pages mean it: the start of the hour (the dashboard's as-of instant).</summary>
    public static DateTimeOffset Now
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        }
    }

    /// <summary>The fiscal quarter under way (the demo's fiscal year starts in January).</summary>
    public static Period Quarter => FiscalCalendar.Default.Containing(Now.AddTicks(-1), Grain.Quarter);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, file));
        var header = Split(lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = Split(l);
            return (IReadOnlyDictionary<string, string>)header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i < cells.Count ? cells[p.i] : "");
        })];
    }

    /// <summary>One CSV line's fields (RFC 4180: quoted fields may hold commas and doubled quotes).</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Whether an ISO instant of a file lies in a period (its start inclusive, its end exclusive).</summary>
    public static bool In(string instant, Period period) =>
        instant.Length > 0 && period.Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

    public static decimal Amount(IReadOnlyDictionary<string, string> row) => decimal.Parse(row["amount"], System.Globalization.CultureInfo.InvariantCulture);
}
