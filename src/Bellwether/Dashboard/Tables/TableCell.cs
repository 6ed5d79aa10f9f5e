using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Text;
using Bellwether.Export;

namespace Bellwether.Dashboard.Tables;

/// <summary>
/// One cell: the text shown, the raw value a download carries, and optionally where it leads (a drill-down), a
/// status to show with its icon, and a longer explanation on hover.
/// </summary>
public sealed record TableCell
{
    public required string Text { get; init; }

    public required Cell Raw { get; init; }

    /// <summary>A page of the dashboard this cell opens (relative to the base address), or null.</summary>
    public string? Href { get; init; }

    /// <summary><c>on_track</c>, <c>at_risk</c> or <c>off_track</c>, shown as a badge instead of the text.</summary>
    public string? Status { get; init; }

    /// <summary>Said on hover and to screen readers: why a value is missing, what a figure means.</summary>
    public string? Title { get; init; }

    public static TableCell Of(string? text) => new() { Text = text ?? "—", Raw = Cell.Text(text) };

    public static TableCell Link(string text, string href) => new() { Text = text, Raw = Cell.Text(text), Href = href };

    /// <summary>A figure in its unit and the company's currency; a missing one shows a dash and says why on hover.</summary>
    public static TableCell Value(decimal? value, Unit unit, string currency, string? missingReason = null) => new()
    {
        Text = Formats.Value(value, unit, currency),
        Raw = Cell.Number(value, KindOf(unit)),
        Title = value is null ? missingReason : null,
    };

    /// <summary>A value shown beside another it is judged against (a target beside its projection): ratios that differ read differently.</summary>
    public static TableCell Value(decimal? value, decimal? beside, Unit unit, string currency, string? missingReason = null) =>
        value is { } v && beside is { } other && unit == Unit.Ratio
            ? Value(value, unit, currency, missingReason) with { Text = Readable.Value(v, unit, currency, beside: other) }
            : Value(value, unit, currency, missingReason);

    /// <summary>Money in three figures or so ($1.25M), for wide tables; the download keeps the amount.</summary>
    public static TableCell MoneyShort(decimal? value, string currency) => new()
    {
        Text = value is { } v ? Readable.MoneyShort(v, currency) : "—",
        Raw = Cell.Number(value, CellKind.Money),
    };

    /// <summary>A signed change in the unit (points for a ratio); the download keeps the raw difference.</summary>
    public static TableCell Change(decimal? change, Unit unit, string currency) => new()
    {
        Text = change is { } c ? Readable.Change(c, unit, currency) : "—",
        Raw = Cell.Number(change, KindOf(unit)),
    };

    public static TableCell Count(decimal? count) => new()
    {
        Text = count is { } c ? Readable.Count(c) : "—",
        Raw = Cell.Number(count, CellKind.Count),
    };

    public static TableCell Date(DateOnly? day) => Of(day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A status as its badge shows it; the download carries its snake_case name.</summary>
    public static TableCell StatusOf(SignalStatus? status, string? why = null)
    {
        var name = status is { } s ? SnakeCase.Name(s) : null;
        return new() { Text = name?.Replace('_', ' ') ?? "no status", Raw = Cell.Text(name), Status = name ?? "unknown", Title = why };
    }

    public TableCell WithHref(string? href) => this with { Href = href };

    public TableCell WithTitle(string? title) => this with { Title = title };

    private static CellKind KindOf(Unit unit) => unit switch
    {
        Unit.Money => CellKind.Money,
        Unit.MoneyPerDay => CellKind.MoneyPerDay,
        Unit.Ratio => CellKind.Ratio,
        Unit.Days => CellKind.Days,
        _ => CellKind.Count,
    };
}
