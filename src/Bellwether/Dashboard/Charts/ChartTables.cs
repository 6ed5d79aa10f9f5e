using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Charts;

/// <summary>A chart's hidden table for screen readers, from the table of figures the page shows beside it.</summary>
public static class ChartTables
{
    public static ChartTable Of(TableData table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ChartTable(table.Caption, [.. table.Columns.Select(c => c.Heading)], [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(c => c.Text)])]);
    }
}
