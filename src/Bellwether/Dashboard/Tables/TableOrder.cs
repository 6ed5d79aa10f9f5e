namespace Bellwether.Dashboard.Tables;

/// <summary>
/// The order a table's rows are shown in after a click on a heading: by the column's raw values (numbers as numbers,
/// text ignoring case), missing values last either way, ties kept in the order given.
/// </summary>
public static class TableOrder
{
    public static IReadOnlyList<TableRow> Sort(IReadOnlyList<TableRow> rows, int column, bool descending)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var present = rows.Where(r => Raw(r, column) is not null);
        var ordered = descending
            ? present.OrderByDescending(r => Raw(r, column), Comparer)
            : present.OrderBy(r => Raw(r, column), Comparer);
        return [.. ordered, .. rows.Where(r => Raw(r, column) is null)];
    }

    private static object? Raw(TableRow row, int column) => column < row.Cells.Count ? row.Cells[column].Raw.Value : null;

    private static readonly Comparer<object?> Comparer = Comparer<object?>.Create((a, b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (decimal, _) => -1,
        (_, decimal) => 1,
        _ => string.Compare(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(b, System.Globalization.CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase),
    });
}
