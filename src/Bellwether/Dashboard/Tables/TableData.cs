using Bellwether.Export;

namespace Bellwether.Dashboard.Tables;

/// <summary>
/// A table as a page shows it and as it downloads: each cell carries the text shown (written by
/// <see cref="Core.Reporting.Readable"/>, names not ids) and the raw value exported (<see cref="Cell"/>: a number stays a
/// number in CSV and Excel, a ratio a fraction), so that the download has the rows shown, in the order shown.
/// </summary>
public sealed record TableData
{
    /// <summary>Unique on the page: the element's id, and the name of the downloaded files.</summary>
    public required string Id { get; init; }

    public required string Caption { get; init; }

    public required IReadOnlyList<TableColumn> Columns { get; init; }

    public required IReadOnlyList<TableRow> Rows { get; init; }

    /// <summary>What the table says when it has no rows.</summary>
    public string EmptyText { get; init; } = "Nothing to show.";

    /// <summary>The same rows as a sheet of an export, in the order given.</summary>
    public Sheet ToSheet(IEnumerable<TableRow>? rows = null) =>
        new(Caption, [.. Columns.Select(c => c.Heading)], [.. (rows ?? Rows).Select(r => (IReadOnlyList<Cell>)[.. r.Cells.Select(c => c.Raw)])]);
}

/// <summary>
/// A column's heading, whether its cells are figures (aligned right, sorted as numbers, never wrapped), and whether its
/// text keeps to one line (a period such as 2026-Q4, which would otherwise break at its hyphen).
/// </summary>
public sealed record TableColumn(string Heading, bool Numeric = false, bool OneLine = false);

/// <summary>A row: one cell per column.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells);
