using Bellwether.Cli;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Plans;

/// <summary>
/// Plan status as printed. For people: one table per pillar and owner, under 100 columns — money in the company's
/// currency (short), ratios as percentages and their variances in points, a cell's second line for the basis, the
/// attainment and the week's change — with every reason as a numbered note below. For scripts: every field raw, one
/// line per plan (CSV) or the rows themselves (JSON).
/// </summary>
public static class PlanStatusTable
{
    private static readonly string[] Columns = ["metric", "period", "target", "to date", "projected", "status", "variance", "a week ago"];

    /// <param name="context">Where to write.</param>
    /// <param name="format">Table, JSON or CSV.</param>
    /// <param name="report">The rows.</param>
    /// <param name="currency">The company's currency, for money in the table.</param>
    /// <param name="names">A slice value as people know it (a rep's or account's name for its id); JSON and CSV keep ids.</param>
    public static void Write(CliContext context, OutputFormat format, PlanReport report, string currency, NameBook names)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(Json.Serialize(report.Rows));
                return;
            case OutputFormat.Csv:
                Output.Csv(context.Output, Raw(report));
                return;
        }

        context.Output.WriteLine(Title(report));
        if (report.Rows.Count == 0)
        {
            context.Output.WriteLine("No plans (`bellwether plan set` adds one; plans.csv brings them with an import).");
            return;
        }

        foreach (var group in report.Rows.GroupBy(r => (r.Pillar, r.Owner)))
        {
            var notes = new List<string>();
            var table = new TableData(Columns, [.. group.Select(r => Cells(r, currency, names, notes))]) { Title = $"{SnakeCase.Name(group.Key.Pillar)} · {group.Key.Owner}" };
            context.Output.WriteLine();
            Output.Table(context, table);
            foreach (var note in notes)
            {
                context.Output.WriteLine(note);
            }
        }
    }

    /// <summary>Every field of every row, raw (ratios as fractions, instants in UTC), for CSV.</summary>
    public static TableData Raw(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new TableData(
        [
            "pillar", "owner", "metric", "period", "slice", "unit", "target", "rolled_up_from", "actual", "actual_provisional", "actual_missing_reason",
            "p10", "p50", "p90", "projected", "basis", "attainment", "variance", "status", "missing_reason", "as_of", "scenario",
            "week_earlier_as_of", "week_earlier_planned", "week_earlier_target", "week_earlier_projected", "week_earlier_basis", "week_earlier_status",
            "projected_change", "target_change",
        ],
        [
            .. report.Rows.Select(r => (IReadOnlyList<object?>)
            [
                SnakeCase.Name(r.Pillar), r.Owner, r.Metric, r.Period, Core.Slicing.SliceText.Format(r.Slice), r.Unit, r.Target, string.Join(";", r.RolledUpFrom),
                r.Actual, r.ActualProvisional, r.ActualMissingReason, r.P10, r.P50, r.P90, r.Projected, Name(r.Basis), r.Attainment, r.Variance,
                Name(r.Status), r.MissingReason, r.AsOf, r.Scenario,
                r.WeekEarlier?.AsOf, r.WeekEarlier?.Planned, r.WeekEarlier?.Target, r.WeekEarlier?.Projected, Name(r.WeekEarlier?.Basis), Name(r.WeekEarlier?.Status),
                r.WeekEarlier?.ProjectedChange, r.WeekEarlier?.TargetChange,
            ]),
        ]);
    }

    private static string Title(PlanReport report)
    {
        var title = $"Plans of {report.Scope.Describe()} as of {Instants.Format(report.AsOf)}";
        return report.WeekEarlierAsOf is { } earlier ? $"{title}\n\"a week ago\" is the same plans as they stood and were read at {Instants.Format(earlier)}" : title;
    }

    private static IReadOnlyList<object?> Cells(PlanStatusRow r, string currency, NameBook names, List<string> notes)
    {
        var unit = SnakeCase.TryParse<Unit>(r.Unit, out var u) ? u : Unit.Count;
        var status = r.Status is { } s
            ? SnakeCase.Name(s) + (r.Attainment is { } a ? "\n" + Readable.Percent(a) : "")
            : Note(notes, r, r.MissingReason ?? "no status");
        var actual = r.Actual is { } value
            ? Short(value, unit, currency) + (r.ActualProvisional ? "\nso far" : "")
            : Note(notes, r, $"no actual to date: {r.ActualMissingReason ?? "it cannot be computed"}");
        return
        [
            string.Join("\n", r.Slice.Select(kv => names.SliceValue(kv.Key, kv.Value)).Prepend(r.Metric)),
            r.RolledUpFrom.Count > 0 ? r.Period + "\nrolled up" : r.Period,
            r.Target is { } target ? Beside(target, r.Projected, unit, currency) : "—",
            actual,
            r.Projected is { } projected ? Beside(projected, r.Target, unit, currency) + "\n" + Name(r.Basis) : "—",
            status,
            r.Variance is { } variance ? Change(variance, unit, currency) : "—",
            WeekAgo(r, unit, currency),
        ];
    }

    private static string WeekAgo(PlanStatusRow r, Unit unit, string currency)
    {
        if (r.WeekEarlier is not { } then)
        {
            return "";
        }

        if (!then.Planned)
        {
            return "not planned";
        }

        var first = then.Status is { } status ? SnakeCase.Name(status) : "no status";
        var second = then.ProjectedChange is { } change ? Change(change, unit, currency) : "";
        var target = then.TargetChange is { } moved ? $"\ntarget {Change(moved, unit, currency)}" : "";
        return first + (second.Length > 0 ? "\n" + second : "") + target;
    }

    /// <summary>A reason as a numbered note under the table; the cell says which note.</summary>
    private static string Note(List<string> notes, PlanStatusRow r, string reason)
    {
        var slice = r.Slice.Count == 0 ? "" : $" [{Core.Slicing.SliceText.Format(r.Slice)}]";
        notes.Add($"{notes.Count + 1}. {r.Metric} {r.Period}{slice}: {reason}");
        return $"note {notes.Count}";
    }

    /// <summary>A figure in a narrow cell: money short in the company's currency, ratios as percentages.</summary>
    private static string Short(decimal value, Unit unit, string currency) =>
        unit is Unit.Money ? Readable.MoneyShort(value, currency) : Readable.Value(value, unit, currency);

    /// <summary>A target or a projection written beside the other, so that two ratios that differ read differently.</summary>
    private static string Beside(decimal value, decimal? other, Unit unit, string currency) =>
        unit is Unit.Ratio && other is { } o ? Readable.Value(value, unit, currency, beside: o) : Short(value, unit, currency);

    /// <summary>A signed change in a narrow cell: money short, a ratio's change in points.</summary>
    private static string Change(decimal change, Unit unit, string currency) => unit switch
    {
        Unit.Money => (change > 0 ? "+" : "") + Readable.MoneyShort(change, currency),
        _ => Readable.Change(change, unit, currency),
    };

    private static string? Name<T>(T? value)
        where T : struct, Enum => value is { } v ? SnakeCase.Name(v) : null;
}
