using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.PlanStatus;

/// <summary>
/// The plans of a scope as targets to judge: each plan as set, plus, for each quarter and year of the scope that a key
/// (pillar, metric, slice) plans more finely but not itself, either a roll-up or a gap with its reason. Monthly plans of
/// an additive metric (<see cref="IndicatorDefinition.Additive"/>: bookings, revenue, new pipeline…) roll up to the
/// quarter and the year when every month of it is planned. Ratios and other metrics that are not sums over their months
/// (grr, win_rate, operating_margin, expansion_revenue) are stated per period and never summed: a quarter without its
/// own plan is reported as a gap, never invented.
/// </summary>
public static class PlanRollup
{
    /// <summary>The targets of <paramref name="plans"/> within <paramref name="scope"/>, ordered by pillar, metric, slice, grain and period.</summary>
    public static IReadOnlyList<PlanItem> Items(IReadOnlyList<PlanLine> plans, FiscalCalendar calendar, PlanScope scope)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(scope);
        var parsed = plans
            .Select(line => (Line: line, Ok: calendar.TryParse(line.Period, out var period), Period: period))
            .Where(x => x.Ok)
            .Select(x => (x.Line, x.Period, Slice: SliceText.Format(x.Line.Slice)))
            .ToList();
        var items = parsed
            .Where(x => scope.Covers(x.Period))
            .Select(x => new PlanItem
            {
                Pillar = x.Line.Pillar,
                Metric = x.Line.Metric,
                Period = x.Period,
                Slice = x.Slice,
                Owner = x.Line.Owner,
                Target = x.Line.Target,
            })
            .ToList();
        var aggregates = scope.Aggregates(calendar);
        foreach (var key in parsed.GroupBy(x => (x.Line.Pillar, x.Line.Metric, x.Slice)))
        {
            foreach (var aggregate in aggregates)
            {
                if (key.Any(x => x.Period == aggregate))
                {
                    continue;
                }

                var finer = key.Where(x => x.Period.Grain < aggregate.Grain && aggregate.Contains(x.Period)).ToList();
                if (finer.Count == 0)
                {
                    // Nothing planned inside it: the key is planned at other grains only (a yearly plan per vertical), not missing.
                    continue;
                }

                items.Add(Derive(key.Key.Pillar, key.Key.Metric, key.Key.Slice, aggregate, finer.Select(x => x.Line).ToList(), key.Where(x => x.Period.Grain == Grain.Month).ToList(), calendar));
            }
        }

        return
        [
            .. items
                .OrderBy(i => i.Pillar)
                .ThenBy(i => i.Metric, StringComparer.Ordinal)
                .ThenBy(i => i.Slice, StringComparer.Ordinal)
                .ThenBy(i => i.Period.Grain)
                .ThenBy(i => i.Period.Start),
        ];
    }

    /// <summary>Why monthly plans of a metric are not added up, or null for an additive metric.</summary>
    public static string? WhyNotAdded(string metric)
    {
        var definition = IndicatorCatalog.Find(metric);
        if (definition is null)
        {
            return $"{metric} is not a known indicator";
        }

        if (definition.Additive)
        {
            return null;
        }

        if (definition.Name == "expansion_revenue")
        {
            return "expansion_revenue compares a period with the one before";
        }

        return definition.Unit == Unit.Ratio ? $"{definition.Name} is a ratio" : $"{definition.Name} is not a sum over its months";
    }

    private static PlanItem Derive(Pillar pillar, string metric, string slice, Period aggregate, List<PlanLine> finer, List<(PlanLine Line, Period Period, string Slice)> months, FiscalCalendar calendar)
    {
        var owner = string.Join(", ", finer.Select(l => l.Owner).Distinct(StringComparer.Ordinal));
        var item = new PlanItem { Pillar = pillar, Metric = metric, Period = aggregate, Slice = slice, Owner = owner };
        if (WhyNotAdded(metric) is { } why)
        {
            return item with { MissingReason = $"{why}: monthly plans are not added up, and no plan is set for {aggregate.Label}" };
        }

        var needed = calendar.Split(aggregate, Grain.Month);
        var planned = months.Where(m => aggregate.Contains(m.Period)).ToDictionary(m => m.Period.Label, m => m.Line, StringComparer.Ordinal);
        var missing = needed.Where(m => !planned.ContainsKey(m.Label)).Select(m => m.Label).ToList();
        if (missing.Count > 0)
        {
            var which = missing.Count == needed.Count ? "none of its months is planned" : $"no plan for {Join(missing)}";
            return item with { MissingReason = $"no plan is set for {aggregate.Label}, and its months cannot be added up: {which}" };
        }

        return item with
        {
            Owner = string.Join(", ", needed.Select(m => planned[m.Label].Owner).Distinct(StringComparer.Ordinal)),
            Target = needed.Sum(m => planned[m.Label].Target),
            RolledUpFrom = [.. needed.Select(m => m.Label)],
        };
    }

    private static string Join(List<string> labels) =>
        labels.Count == 1 ? labels[0] : string.Join(", ", labels.Take(labels.Count - 1)) + " and " + labels[^1];
}
