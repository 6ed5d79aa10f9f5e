using Bellwether.Cli;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Plans;

/// <summary>
/// Plans and plan changes as <c>plan list</c> prints them: for people, targets in the metric's unit (money in the
/// company's currency, ratios as percentages) and each change as "before → after"; for scripts, raw values.
/// </summary>
public static class PlanLogTable
{
    /// <summary>Plans by pillar, metric, slice, then period (months, quarters, the year).</summary>
    public static IReadOnlyList<PlanLine> Ordered(IReadOnlyList<PlanLine> plans, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return
        [
            .. plans
                .Select(p => (Plan: p, Parsed: calendar.TryParse(p.Period, out var period), Period: period))
                .OrderBy(x => x.Plan.Pillar)
                .ThenBy(x => x.Plan.Metric, StringComparer.Ordinal)
                .ThenBy(x => SliceText.Format(x.Plan.Slice), StringComparer.Ordinal)
                .ThenBy(x => x.Parsed ? x.Period.Grain : Grain.Year)
                .ThenBy(x => x.Parsed ? x.Period.Start : DateOnly.MaxValue)
                .Select(x => x.Plan),
        ];
    }

    public static TableData Plans(IReadOnlyList<PlanLine> plans, string currency, bool forPeople) => new(
        ["pillar", "owner", "metric", "period", "slice", "target"],
        [
            .. plans.Select(p => (IReadOnlyList<object?>)
            [
                SnakeCase.Name(p.Pillar), p.Owner, p.Metric, p.Period, SliceText.Format(p.Slice), forPeople ? Show(p.Target, p.Metric, currency) : p.Target,
            ]),
        ]);

    public static TableData Changes(IReadOnlyList<PlanChange> changes, string currency, bool forPeople)
    {
        if (forPeople)
        {
            return new TableData(
                ["when", "who", "from", "plan", "change"],
                [
                    .. changes.Select(c => (IReadOnlyList<object?>)
                    [
                        c.ChangedAt is { } at ? Instants.Format(at) : "from the start", c.ChangedBy, From(c), c.Key.ToString(), Describe(c, currency),
                    ]),
                ]);
        }

        return new TableData(
            ["sequence", "changed_at", "changed_by", "source", "import_id", "pillar", "metric", "period", "slice", "target_before", "owner_before", "target_after", "owner_after"],
            [
                .. changes.Select(c => (IReadOnlyList<object?>)
                [
                    c.Sequence, c.ChangedAt, c.ChangedBy, SnakeCase.Name(c.Source), c.ImportId, SnakeCase.Name(c.Key.Pillar), c.Key.Metric, c.Key.Period, c.Key.Slice,
                    c.Before?.Target, c.Before?.Owner, c.After?.Target, c.After?.Owner,
                ]),
            ]);
    }

    /// <summary>What changed, before → after: <c>target $1,200,000 → $1,300,000; owner COO → CFO</c>.</summary>
    public static string Describe(PlanChange change, string currency)
    {
        ArgumentNullException.ThrowIfNull(change);
        var metric = change.Key.Metric;
        return (change.Before, change.After) switch
        {
            (null, { } after) => $"new: {Show(after.Target, metric, currency)} ({after.Owner})",
            ({ } before, null) => $"removed (was {Show(before.Target, metric, currency)}, {before.Owner})",
            ({ } before, { } after) => string.Join("; ", new[]
            {
                before.Target == after.Target ? null : $"target {Show(before.Target, metric, currency)} → {Show(after.Target, metric, currency)}",
                before.Owner == after.Owner ? null : $"owner {before.Owner} → {after.Owner}",
            }.OfType<string>()),
            _ => "",
        };
    }

    private static string From(PlanChange change) =>
        change.Source == PlanChangeSource.Import && change.ImportId is { } id ? $"import {id}" : SnakeCase.Name(change.Source);

    private static string Show(decimal target, string metric, string currency) =>
        Readable.Value(target, IndicatorCatalog.Find(metric)?.Unit ?? Unit.Count, currency);
}
