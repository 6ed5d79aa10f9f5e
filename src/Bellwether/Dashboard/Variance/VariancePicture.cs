using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Variance;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Variance;

/// <summary>
/// An explanation as the Variance page draws it: the waterfall from the comparison to the actual (or forecast) through
/// each driver's contribution — which add up to the gap exactly, so the bars end where the actual is — and the
/// drivers, slices, driver × slice cells, facts and clients as tables whose names lead to their pages.
/// </summary>
public static class VariancePicture
{
    public static VarianceView Of(Explanation e, string currency, NameBook names)
    {
        ArgumentNullException.ThrowIfNull(e);
        string Text(decimal? v) => Formats.Value(v, e.Unit, currency);
        string Change(decimal? v) => v is { } c ? Readable.Change(c, e.Unit, currency) : "—";
        var title = Pillars.PillarPlans.Title(e.Metric, e.Slice, names);
        var comparison = e.ComparisonLabel is "plan" ? "Plan" : e.ComparisonLabel ?? SnakeCase.Name(e.Against);
        var explained = e.Basis switch
        {
            Basis.ForecastP50 => "Forecast (P50)",
            Basis.ToDate => "To date",
            _ => "Actual",
        };

        WaterfallChartData? waterfall = null;
        if (e.Comparison is { } start && e.Actual is { } end && e.Drivers.Count > 0)
        {
            waterfall = new WaterfallChartData
            {
                StartLabel = comparison,
                Start = start,
                Steps = [.. e.Drivers.Select(d => new WaterfallStep(d.DriverLabel, d.Amount))],
                EndLabel = explained,
                End = end,
                ZeroBased = e.Unit != Unit.Ratio,
                StepFormat = ChartFormat.ChangeFor(e.Unit),
                Format = ChartFormat.For(e.Unit),
                Description = $"{title}, {e.Period}: from {comparison.ToLowerInvariant()} {Text(start)} to {explained.ToLowerInvariant()} {Text(end)}, a gap of {Change(e.Gap)}, "
                    + "made of " + string.Join(", ", e.Drivers.Select(d => $"{d.DriverLabel} {Change(d.Amount)}")) + ".",
                Table = new ChartTable($"{title}, {e.Period}: {comparison} to {explained}", ["Step", "Amount", "Running total"],
                    [
                        [comparison, Text(start), Text(start)],
                        .. Running(start, e.Drivers).Select(x => (IReadOnlyList<string>)[x.Driver.DriverLabel, Change(x.Driver.Amount), Text(x.Total)]),
                        [explained, Text(end), Text(end)],
                    ]),
            };
        }

        return new VarianceView
        {
            Metric = e.Metric,
            Period = e.Period,
            Against = SnakeCase.Name(e.Against),
            By = e.By,
            Slice = SliceText.Format(e.Slice),
            Title = title,
            Currency = currency,
            AsOf = e.AsOf,
            Summary = e.Summary,
            MissingReason = e.MissingReason,
            Comparison = $"{comparison}: {Text(e.Comparison)}",
            Explained = $"{explained}: {Text(e.Actual)}",
            Gap = $"Gap: {Change(e.Gap)}" + (e.GapRatio is { } ratio ? $" ({Readable.Percent(ratio)})" : ""),
            GapValue = e.Gap,
            BasisNote = e.BasisNote,
            Method = e.Method,
            Notes = e.Notes,
            Waterfall = waterfall,
            Drivers = Drivers(e, currency, comparison, explained),
            Slices = Slices(e, currency, comparison, explained),
            Cells = Cells(e, currency),
            Facts = e.Facts.Count == 0 ? null : Facts(e, currency, comparison, explained),
            Accounts = e.Accounts.Count == 0 ? null : Accounts(e, currency),
        };
    }

    private static IEnumerable<(Contribution Driver, decimal Total)> Running(decimal start, IReadOnlyList<Contribution> drivers)
    {
        var total = start;
        foreach (var d in drivers)
        {
            total += d.Amount;
            yield return (d, total);
        }
    }

    private static TableData Drivers(Explanation e, string currency, string comparison, string explained) => new()
    {
        Id = "drivers",
        Caption = $"Drivers — they add up to the gap, {(e.Gap is { } g ? Readable.Change(g, e.Unit, currency) : "—")}",
        Columns = [new("Driver"), new(comparison, true), new(explained, true), new("Change", true), new("Contribution", true)],
        Rows = [.. e.Drivers.Select(d => new TableRow(
        [
            TableCell.Of(d.DriverLabel),
            TableCell.Value(d.From, d.DriverUnit, currency),
            TableCell.Value(d.To, d.DriverUnit, currency),
            ChangeCell(d, currency),
            TableCell.Change(d.Amount, e.Unit, currency),
        ]))],
        EmptyText = e.MissingReason ?? "No driver moved.",
    };

    private static TableData Slices(Explanation e, string currency, string comparison, string explained)
    {
        var dimension = e.By is { } by && SnakeCase.TryParse<Dimension>(by, out var d) ? d : (Dimension?)null;
        return new TableData
        {
            Id = "slices",
            Caption = $"The gap by {(e.By is null ? "slice" : MetricNames.Of(e.By).ToLowerInvariant())}",
            Columns = [new(e.By is null ? "Slice" : MetricNames.Of(e.By)), new(comparison, true), new(explained, true), new("Gap", true)],
            Rows = [.. e.Slices.Select(s => new TableRow(
            [
                SliceCell(s.Label, s.Slice, dimension, e),
                TableCell.Value(s.Comparison, e.Unit, currency),
                TableCell.Value(s.Actual, e.Unit, currency),
                TableCell.Change(s.Gap, e.Unit, currency),
            ]))],
            EmptyText = "Not split by slice.",
        };
    }

    private static TableData Cells(Explanation e, string currency)
    {
        var dimension = e.By is { } by && SnakeCase.TryParse<Dimension>(by, out var d) ? d : (Dimension?)null;
        return new TableData
        {
            Id = "cells",
            Caption = "Driver × slice, largest first — they add up to the gap",
            Columns = [new("Driver"), new(e.By is null ? "Slice" : MetricNames.Of(e.By)), new("From", true), new("To", true), new("Change", true), new("Contribution", true)],
            Rows = [.. e.Cells.Select(c => new TableRow(
            [
                TableCell.Of(c.DriverLabel),
                SliceCell(c.SliceLabel, c.Slice, dimension, e),
                TableCell.Value(c.From, c.DriverUnit, currency),
                TableCell.Value(c.To, c.DriverUnit, currency),
                ChangeCell(c, currency),
                TableCell.Change(c.Amount, e.Unit, currency),
            ]))],
            EmptyText = "Not split by slice.",
        };
    }

    private static TableData Facts(Explanation e, string currency, string comparison, string explained) => new()
    {
        Id = "facts",
        Caption = "Figures behind the drivers",
        Columns = [new("Figure"), new(comparison, true), new(explained, true)],
        Rows = [.. e.Facts.Select(f => new TableRow([TableCell.Of(f.Label), TableCell.Value(f.From, f.Unit, currency), TableCell.Value(f.To, f.Unit, currency)]))],
    };

    private static TableData Accounts(Explanation e, string currency) => new()
    {
        Id = "accounts",
        Caption = "The clients behind the gap, largest first",
        Columns = [new("Client"), new("What happened"), new("Before", true), new("After", true), new("Change", true), new("Service lines"), new("What their engagement said before")],
        Rows = [.. e.Accounts.Select(a => new TableRow(
        [
            TableCell.Link(a.Name, Links.Account(a.AccountId)),
            TableCell.Of(a.Kind),
            TableCell.Value(a.Before, Unit.Money, currency),
            TableCell.Value(a.After, Unit.Money, currency),
            TableCell.Change(a.Change, Unit.Money, currency),
            TableCell.Of(string.Join(", ", a.ServiceLines)),
            TableCell.Of(a.Signals?.Words ?? "no engagement recorded"),
        ]))],
    };

    /// <summary>A driver's own change: points of a ratio, else signed in its unit, with the relative change beside.</summary>
    private static TableCell ChangeCell(Contribution c, string currency)
    {
        var cell = TableCell.Change(c.Change, c.DriverUnit, currency);
        return c.ChangeRatio is { } ratio && c.DriverUnit != Unit.Ratio ? cell with { Text = (ratio > 0 ? "+" : "") + Readable.Percent(ratio) } : cell;
    }

    /// <summary>A slice's name, leading to its page: a rep's, a client's, or a value's within the explanation's slice.</summary>
    private static TableCell SliceCell(string label, IReadOnlyDictionary<string, string> slice, Dimension? dimension, Explanation e)
    {
        if (dimension is not { } d || !slice.TryGetValue(SnakeCase.Name(d), out var value) || value == Attributes.Unknown)
        {
            return TableCell.Of(label);
        }

        var href = d switch
        {
            Dimension.Rep => Links.Rep(value),
            Dimension.Account => Links.Account(value),
            _ => Links.Slice(d, value, e.Slice),
        };
        return TableCell.Link(label, href);
    }
}

/// <summary>The Variance page's figures for one set of choices.</summary>
public sealed record VarianceView
{
    public required string Metric { get; init; }

    public required string Period { get; init; }

    public required string Against { get; init; }

    public string? By { get; init; }

    /// <summary>The slice explained, written as plans.csv writes it (empty for the whole company).</summary>
    public required string Slice { get; init; }

    public required string Title { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public required string Summary { get; init; }

    public string? MissingReason { get; init; }

    public required string Comparison { get; init; }

    public required string Explained { get; init; }

    public required string Gap { get; init; }

    /// <summary>The gap as a number, in the metric's unit (ratios as fractions), for the page's data attribute.</summary>
    public decimal? GapValue { get; init; }

    public string? BasisNote { get; init; }

    public string? Method { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public WaterfallChartData? Waterfall { get; init; }

    public required TableData Drivers { get; init; }

    public required TableData Slices { get; init; }

    public required TableData Cells { get; init; }

    public TableData? Facts { get; init; }

    public TableData? Accounts { get; init; }
}
