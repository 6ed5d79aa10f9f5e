using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;

namespace Bellwether.Dashboard.Tables;

/// <summary>A table of indicator values: one row per key of a pivot (a vertical, a rep, a month), one column per indicator.</summary>
public static class IndicatorTables
{
    /// <param name="id">The table's id on its page.</param>
    /// <param name="caption">What the table shows.</param>
    /// <param name="pivot">The rows, turned around.</param>
    /// <param name="keyHeading">The first column's heading ("Vertical", "Rep", "Month").</param>
    /// <param name="keyCell">The first cell of a key's row: its name, and where it leads.</param>
    /// <param name="columns">Each further column: heading and indicator.</param>
    /// <param name="currency">The company's currency.</param>
    /// <param name="keys">The keys in the order to show; null for the pivot's.</param>
    public static TableData Of(string id, string caption, IndicatorPivot pivot, string keyHeading, Func<string, TableCell> keyCell,
        IReadOnlyList<(string Heading, string Indicator)> columns, string currency, IEnumerable<string>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(pivot);
        ArgumentNullException.ThrowIfNull(keyCell);
        ArgumentNullException.ThrowIfNull(columns);
        return new TableData
        {
            Id = id,
            Caption = caption,
            Columns = [new(keyHeading), .. columns.Select(c => new TableColumn(c.Heading, true))],
            Rows = [.. (keys ?? pivot.Keys).Select(key => new TableRow(
            [
                keyCell(key),
                .. columns.Select(c => Cell(pivot.Row(key, c.Indicator), c.Indicator, currency)),
            ]))],
        };
    }

    /// <summary>A row's value in its indicator's unit; a missing one says why on hover, a provisional one that it is so far.</summary>
    public static TableCell Cell(IndicatorRow? row, string indicator, string currency)
    {
        var unit = IndicatorCatalog.Find(indicator)?.Unit ?? Unit.Count;
        var cell = TableCell.Value(row?.Value, unit, currency, row?.MissingReason ?? "not computed");
        return row is { Provisional: true, Value: not null } ? cell.WithTitle(row.ProvisionalReason ?? "so far") : cell;
    }
}
