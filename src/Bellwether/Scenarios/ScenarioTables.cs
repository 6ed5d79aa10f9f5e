using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Text;
using Bellwether.Indicators;

namespace Bellwether.Scenarios;

/// <summary>
/// Two scenarios side by side as people read them, each table at most <see cref="Output.MaxWidth"/> columns: the
/// forecasts (P50 of each and the change), what each driver change adds to the mean, and the plans under each.
/// </summary>
internal static class ScenarioTables
{
    public static void Write(CliContext context, ScenarioReport comparison, string currency, NameBook names)
    {
        var (firstPlans, secondPlans) = (comparison.FirstPlans, comparison.SecondPlans);
        var (first, second) = (comparison.First.Name, comparison.Second.Name);
        var units = comparison.FirstRows.ToDictionary(Key, r => r.Unit, StringComparer.Ordinal);
        string Unit(ScenarioDifference d) => units.GetValueOrDefault(Key(d), "money");
        string Value(ScenarioDifference d, decimal? v) => v is { } x ? Readable.Value(x, Unit(d), currency) : "—";
        string Change(ScenarioDifference d, decimal? v) => v is { } x ? Readable.Change(x, SnakeCase.TryParse<Core.Reporting.Unit>(Unit(d), out var u) ? u : Core.Reporting.Unit.Count, currency) : "—";
        string Label(ScenarioDifference d) => string.Join(" ", new[] { d.Indicator, d.Period }.Concat(d.Slice.Select(kv => names.SliceValue(kv.Key, kv.Value))));

        Output.Table(context, new TableData(
            ["forecast", $"{first} P50", $"{second} P50", "change"],
            [.. comparison.Differences.Select(d => (IReadOnlyList<object?>)[Label(d), Value(d, d.FirstP50), Value(d, d.SecondP50), Change(d, d.P50Change)])])
        {
            Title = $"{first} → {second}",
        });

        var drivers = comparison.Differences.SelectMany(d => d.ByDriver).Select(e => e.Change).Distinct().ToList();
        if (drivers.Count > 0)
        {
            var columns = comparison.Differences.ToList();
            var cells = drivers.ToDictionary(x => x, x => columns.Select(d => Change(d, d.ByDriver.FirstOrDefault(e => e.Change == x)?.MeanChange)).ToArray());
            var keyWidth = Math.Max("change".Length, drivers.Max(x => x.Length)) + 4;
            var chunks = IndicatorTable.Chunks(columns.Count, i => Math.Max(Label(columns[i]).Length, drivers.Max(x => cells[x][i].Length)) + 3, Output.MaxWidth - keyWidth);
            foreach (var (start, count) in chunks)
            {
                context.Output.WriteLine();
                Output.Table(context, new TableData(
                    ["change", .. columns.Skip(start).Take(count).Select(Label)],
                    [.. drivers.Select(x => (IReadOnlyList<object?>)[x, .. cells[x].Skip(start).Take(count)])])
                {
                    Title = "what each change adds to the expected value (the mean), one change at a time",
                });
            }
        }

        var others = secondPlans.ToDictionary(PlanKey, StringComparer.Ordinal);
        foreach (var group in firstPlans.GroupBy(p => (p.Pillar, p.Owner)))
        {
            context.Output.WriteLine();
            Output.Table(context, new TableData(
                ["plan", "target", first, second],
                [
                    .. group.Select(p => (IReadOnlyList<object?>)
                    [
                        $"{p.Metric} {p.Period}{(p.Slice.Count == 0 ? "" : " " + string.Join(" ", p.Slice.Values.Select(v => v.Replace('_', ' '))))}",
                        p.Target is { } t ? Readable.Value(t, p.Unit, currency) : "—",
                        Projection(p, currency),
                        Projection(others.GetValueOrDefault(PlanKey(p)), currency),
                    ]),
                ])
            {
                Title = $"{MetricNames.Of(group.Key.Pillar).ToLowerInvariant()} · {group.Key.Owner}: projected and status",
            });
        }
    }

    /// <summary>"$5.57M on track", "77.5% at risk", or the reason there is none.</summary>
    private static string Projection(PlanStatusRow? row, string currency)
    {
        if (row is null)
        {
            return "—";
        }

        if (row.Projected is not { } projected)
        {
            return row.MissingReason ?? "—";
        }

        var value = row.Unit == "money" ? Readable.MoneyShort(projected, currency) : Readable.Value(projected, row.Unit, currency);
        return row.Status is { } status ? $"{value} {SnakeCase.Name(status).Replace('_', ' ')}" : value;
    }

    private static string Key(Core.Forecasting.ForecastRow r) => $"{r.Indicator}|{r.Period}|{Core.Slicing.SliceText.Format(r.Slice)}";

    private static string Key(ScenarioDifference d) => $"{d.Indicator}|{d.Period}|{Core.Slicing.SliceText.Format(d.Slice)}";

    private static string PlanKey(PlanStatusRow p) => $"{p.Pillar}|{p.Metric}|{p.Period}|{Core.Slicing.SliceText.Format(p.Slice)}";
}
