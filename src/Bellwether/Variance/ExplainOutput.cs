using Bellwether.Cli;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;

namespace Bellwether.Variance;

/// <summary>
/// An explanation as the command line prints it: for people, the summary and then the drivers, the largest cells, the
/// figures behind them and the clients, written by <see cref="Readable"/>; JSON is the explanation itself; CSV one line
/// for the gap, one per driver and one per cell (raw values, ratios as fractions).
/// </summary>
public static class ExplainOutput
{
    private const int CellsShown = 12;

    public static void Write(CliContext context, OutputFormat format, Explanation e, string currency)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(e);
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(Json.Serialize(e));
                break;
            case OutputFormat.Csv:
                Output.Csv(context.Output, Rows(e));
                break;
            default:
                Table(context, e, currency);
                break;
        }
    }

    /// <summary>The CSV: kind (gap, driver, cell), then the driver, slice and figures.</summary>
    public static TableData Rows(Explanation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var head = new object?[] { e.Metric, e.Period, Instants.Format(e.AsOf), SliceText.Format(e.Slice), Core.Text.SnakeCase.Name(e.Against), e.ComparisonPeriod, e.Basis is { } b ? Core.Text.SnakeCase.Name(b) : null };
        IReadOnlyList<object?> Line(string kind, Contribution c) =>
            [.. head, kind, c.Driver, SliceText.Format(c.Slice), c.SliceLabel, c.From, c.To, c.Change, c.ChangeRatio, c.Amount, Core.Text.SnakeCase.Name(c.DriverUnit), null];
        var rows = new List<IReadOnlyList<object?>>
        {
            new List<object?>([.. head, "gap", null, SliceText.Format(e.Slice), null, e.Comparison, e.Actual, e.Gap, e.GapRatio, e.Gap, Core.Text.SnakeCase.Name(e.Unit), e.MissingReason]),
        };
        rows.AddRange(e.Drivers.Select(c => Line("driver", c)));
        rows.AddRange(e.Cells.Select(c => Line("cell", c)));
        return new TableData(
            ["metric", "period", "as_of", "slice", "against", "comparison_period", "basis", "kind", "driver", "cell_slice", "slice_label", "from", "to", "change", "change_ratio", "contribution", "driver_unit", "missing_reason"],
            rows);
    }

    private static void Table(CliContext context, Explanation e, string currency)
    {
        context.Output.WriteLine(e.Summary);
        if (e.MissingReason is not null)
        {
            return;
        }

        context.Output.WriteLine();
        string Amount(decimal v) => e.Unit == Unit.Ratio ? Readable.Points(v) : Readable.Change(v, e.Unit, currency);
        string Value(decimal? v, Unit unit) => v is { } x ? Readable.Value(x, unit, currency) : "—";
        string Change(Contribution c) => c.Change is not { } change ? "—"
            : c.DriverUnit == Unit.Ratio ? Readable.Points(change)
            : c.ChangeRatio is { } r ? (r > 0 ? "+" : "") + Readable.Percent(r) : Readable.Change(change, c.DriverUnit, currency);
        Output.Table(context, new TableData(
            ["driver", e.ComparisonLabel ?? "comparison", "actual", "change", "contribution"],
            [.. e.Drivers.Select(c => (IReadOnlyList<object?>)[c.DriverLabel, Value(c.From, c.DriverUnit), Value(c.To, c.DriverUnit), Change(c), Amount(c.Amount)])])
        {
            Title = $"Drivers — they add up to the gap, {Amount(e.Gap ?? 0)}",
        });
        if (e.By is { } by)
        {
            Output.Table(context, new TableData(
                ["driver", by, e.ComparisonLabel ?? "comparison", "actual", "change", "contribution"],
                [.. e.Cells.Take(CellsShown).Select(c => (IReadOnlyList<object?>)[c.DriverLabel, c.SliceLabel, Value(c.From, c.DriverUnit), Value(c.To, c.DriverUnit), Change(c), Amount(c.Amount)])])
            {
                Title = $"Largest of {e.Cells.Count} cells by {by}" + (e.Searched.Count > 0 ? $" (the most concentrated of {string.Join(", ", e.Searched)})" : ""),
            });
        }

        if (e.Facts.Count > 0)
        {
            Output.Table(context, new TableData(
                ["figure", e.ComparisonLabel ?? "comparison", "actual"],
                [.. e.Facts.Select(f => (IReadOnlyList<object?>)[f.Label, Value(f.From, f.Unit), Value(f.To, f.Unit)])]));
        }

        if (e.Accounts.Count > 0)
        {
            Output.Table(context, new TableData(
                ["client", "change", "before", "after", "lines before", "signals"],
                [.. e.Accounts.Select(a => (IReadOnlyList<object?>)[a.Name, a.Kind, Readable.Money(a.Before, currency), Readable.Money(a.After, currency), string.Join(", ", a.ServiceLines), a.Signals?.Words ?? "—"])]));
        }

        foreach (var note in e.Notes.Append(e.BasisNote).Append(e.Method).OfType<string>())
        {
            context.Output.WriteLine(note);
        }
    }
}
