using Bellwether.Cli;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Time;

namespace Bellwether.Indicators;

/// <summary>
/// Indicator rows as a pillar owner reads them: one line per indicator and slice, the periods as columns when there
/// are several (split into tables that fit <see cref="Output.MaxWidth"/> columns), each dimension in its own column with reps
/// and accounts by name, values in their unit and the company's currency, and the reasons (provisional, missing) said
/// once as footnotes. The lists behind a value follow as their own tables (<see cref="DetailTables"/>).
/// </summary>
internal static class IndicatorTable
{
    public static void Write(CliContext context, IReadOnlyList<IndicatorRow> rows, NameBook names, string currency)
    {
        if (rows.Count == 0)
        {
            context.Output.WriteLine("no rows");
            return;
        }

        var notes = new Footnotes();
        var dimensions = rows.SelectMany(r => r.Slice.Keys).Distinct(StringComparer.Ordinal).ToList();
        var periods = rows.Select(r => r.Period).Distinct(StringComparer.Ordinal).ToList();
        var keys = rows.Select(Key).Distinct(StringComparer.Ordinal).ToList();
        var byKey = rows.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Period, StringComparer.Ordinal), StringComparer.Ordinal);
        var first = byKey.ToDictionary(kv => kv.Key, kv => kv.Value.Values.First(), StringComparer.Ordinal);

        string Cell(IndicatorRow? r) => r switch
        {
            null => "",
            { Value: { } v } => notes.Marked(Readable.Value(v, r.Unit, currency), r.Provisional ? "provisional: " + r.ProvisionalReason : null),
            _ => notes.Marked("—", r.MissingReason ?? "no value"),
        };

        List<object?> KeyCells(string key)
        {
            var row = first[key];
            var cells = new List<object?> { row.Indicator };
            cells.AddRange(dimensions.Select(d => row.Slice.TryGetValue(d, out var v) ? names.SliceValue(d, v) : ""));
            return cells;
        }

        var keyColumns = new List<string> { "indicator" };
        keyColumns.AddRange(dimensions);
        var asOf = $"as of {Instants.Format(rows[0].AsOf)}";
        if (periods.Count == 1)
        {
            var data = new TableData(
                [.. keyColumns, "value"],
                [.. keys.Select(k => (IReadOnlyList<object?>)[.. KeyCells(k), Cell(byKey[k][periods[0]])])])
            {
                Title = $"{periods[0]}, {asOf}",
            };
            Output.Table(context, data);
        }
        else
        {
            // Cells are formatted once, so that each chunk of periods is as wide as its widest cell.
            var cells = keys.ToDictionary(k => k, k => periods.Select(p => Cell(byKey[k].GetValueOrDefault(p))).ToArray(), StringComparer.Ordinal);
            var keyWidth = keyColumns.Select((c, i) => Math.Max(c.Length, keys.Max(k => (KeyCells(k)[i]?.ToString() ?? "").Length)) + 3).Sum() + 1;
            var chunks = Chunks(periods.Count, p => Math.Max(periods[p].Length, keys.Max(k => cells[k][p].Length)) + 3, Output.MaxWidth - keyWidth);
            foreach (var (start, count) in chunks)
            {
                if (start > 0)
                {
                    context.Output.WriteLine();
                }

                var data = new TableData(
                    [.. keyColumns, .. periods.Skip(start).Take(count)],
                    [.. keys.Select(k => (IReadOnlyList<object?>)[.. KeyCells(k), .. cells[k].Skip(start).Take(count)])])
                {
                    Title = chunks.Count == 1 ? asOf : $"{periods[start]} to {periods[start + count - 1]}, {asOf}",
                };
                Output.Table(context, data);
            }
        }

        notes.WriteTo(context.Output);
        foreach (var table in DetailTables.For(rows, names, currency))
        {
            context.Output.WriteLine();
            Output.Table(context, table);
        }
    }

    /// <summary>Consecutive runs of columns whose widths add up to at most <paramref name="room"/> (at least one each).</summary>
    internal static List<(int Start, int Count)> Chunks(int columns, Func<int, int> width, int room)
    {
        var chunks = new List<(int, int)>();
        var start = 0;
        while (start < columns)
        {
            var used = width(start);
            var count = 1;
            while (start + count < columns && used + width(start + count) <= room)
            {
                used += width(start + count);
                count++;
            }

            chunks.Add((start, count));
            start += count;
        }

        return chunks;
    }

    private static string Key(IndicatorRow r) => r.Indicator + "\n" + Core.Slicing.SliceText.Format(r.Slice);
}
