namespace Bellwether.Export;

/// <summary>
/// One table of an export: typed cells, so that the workbook shows money as money and ratios as percentages while the
/// CSV keeps the raw values of the JSON contract (ratios as fractions).
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows)
{
    /// <summary>A file name for the sheet in a folder of CSV files: <c>By service line</c> → <c>by_service_line.csv</c>.</summary>
    public string FileName => string.Concat(Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + ".csv";
}

/// <summary>How a cell's number reads: the units of indicators.md, plus plain text.</summary>
public enum CellKind
{
    Text,
    Money,
    Count,
    Ratio,
    Days,
    MoneyPerDay,
}

/// <summary>A value (text, number or nothing) and how it reads.</summary>
public readonly record struct Cell(object? Value, CellKind Kind)
{
    public static readonly Cell Empty = new(null, CellKind.Text);

    public static Cell Text(string? text) => new(text, CellKind.Text);

    public static Cell Number(decimal? value, CellKind kind) => new(value, kind);

    /// <summary>A number in an indicator's unit (<c>money</c>, <c>count</c>, <c>ratio</c>, <c>days</c>, <c>money_per_day</c>).</summary>
    public static Cell Of(decimal? value, string unit) => new(value, KindOf(unit));

    public static CellKind KindOf(string unit) => unit switch
    {
        "money" => CellKind.Money,
        "count" => CellKind.Count,
        "ratio" => CellKind.Ratio,
        "days" => CellKind.Days,
        "money_per_day" => CellKind.MoneyPerDay,
        _ => CellKind.Text,
    };
}
