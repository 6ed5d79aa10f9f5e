using System.Globalization;
using System.Text;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators;

/// <summary>
/// Indicator rows as CSV (RFC 4180, one header row). Each row gives one line with the columns of the JSON contract
/// (slice written as <c>vertical=retail;type=new_business</c>, empty for the whole company) and empty detail columns.
/// Its detail, if any, follows as extra lines that repeat indicator, period, as_of and slice and fill:
/// <c>detail</c> (the figure or list, e.g. <c>target</c>, <c>below_standard</c>), <c>detail_rank</c> (1-based position
/// in the list; 0 for a figure), <c>detail_item</c> (the item's key, e.g. a rep_id or a period), <c>value</c> (the
/// item's headline number) and <c>detail_fields</c> (its other fields as <c>name=value</c> pairs joined by <c>;</c>).
/// A reader keeps the lines with an empty <c>detail</c> to get one line per row.
/// </summary>
public static class IndicatorCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "indicator", "period", "as_of", "slice", "value", "unit", "provisional", "provisional_reason", "missing_reason",
        "detail", "detail_rank", "detail_item", "detail_fields",
    ];

    private const int ValueColumn = 4;
    private const int RankColumn = 10;

    /// <summary>The lines, header first, as lists of unquoted fields.</summary>
    public static IEnumerable<IReadOnlyList<string>> Lines(IEnumerable<IndicatorRow> rows)
    {
        yield return Header;
        foreach (var row in rows)
        {
            var asOf = Instants.Format(row.AsOf);
            var slice = SliceText.Format(row.Slice);
            yield return
            [
                row.Indicator, row.Period, asOf, slice, Number(row.Value), row.Unit, row.Provisional ? "true" : "false",
                row.ProvisionalReason ?? "", row.MissingReason ?? "", "", "", "", "",
            ];
            if (row.Detail is null)
            {
                continue;
            }

            foreach (var line in row.Detail.Lines())
            {
                yield return
                [
                    row.Indicator, row.Period, asOf, slice, Number(line.Value), "", "", "", "", line.List,
                    line.Rank.ToString(CultureInfo.InvariantCulture), line.Item,
                    string.Join(';', line.Fields.Select(f => $"{f.Key}={f.Value}")),
                ];
            }
        }
    }

    /// <summary>The whole CSV text, LF line endings.</summary>
    public static string Write(IEnumerable<IndicatorRow> rows)
    {
        var sb = new StringBuilder();
        foreach (var line in Lines(rows))
        {
            // value and detail_rank are numbers; every other field is text and is neutralised.
            sb.AppendJoin(',', line.Select((field, i) => i is ValueColumn or RankColumn ? CsvText.Quote(field) : CsvText.Text(field))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

}
