using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Signals;

/// <summary>What every pillar's signals read the same way: one indicator row, a plan line, the period in words.</summary>
internal static class SignalReading
{
    /// <summary>The single overall row of an indicator for a period (within a filter), as of the context's instant or another.</summary>
    public static IndicatorRow Row(SignalContext c, string indicator, Period period, IReadOnlyDictionary<Dimension, string>? filter = null, DateTimeOffset? asOf = null) =>
        c.Engine.Run(new IndicatorQuery
        {
            Indicators = [indicator],
            Period = period,
            AsOf = asOf ?? c.AsOf,
            Filter = filter ?? new Dictionary<Dimension, string>(),
        })[0];

    /// <summary>
    /// The plan line of a pillar's metric for exactly this period, the one with the fewest slice dimensions (the
    /// pillar's whole plan before its verticals'); null when there is none.
    /// </summary>
    public static PlanLine? Plan(SignalContext c, Pillar pillar, string metric, Period period) => c.Plans
        .Where(p => p.Pillar == pillar && string.Equals(p.Metric.Trim(), metric, StringComparison.OrdinalIgnoreCase)
            && c.Engine.Dataset.Settings.Calendar.TryParse(p.Period, out var planned) && planned.Start == period.Start && planned.End == period.End)
        .OrderBy(p => p.Slice.Count)
        .FirstOrDefault();

    /// <summary>The filter of a plan line's slice.</summary>
    public static IReadOnlyDictionary<Dimension, string> FilterOf(PlanLine plan) => IndicatorQuery.FilterOf(plan.Slice);

    /// <summary>"in 2026-Q4 so far" while the period runs at the instant, "in 2026-Q4" once it is over.</summary>
    public static string During(SignalContext c, Period period) =>
        c.AsOf < period.EndInstant ? $"in {period.Label} so far" : $"in {period.Label}";

    /// <summary>A signal that cannot be computed, and why.</summary>
    public static Signal Missing(Pillar pillar, string name, string title, Unit unit, string reason, bool lowerIsBetter = false) => new()
    {
        Pillar = pillar,
        Name = name,
        Title = title,
        Unit = unit,
        LowerIsBetter = lowerIsBetter,
        Summary = $"{title}: {reason}.",
        MissingReason = reason,
    };

    /// <summary>A list in words: "a", "a and b", "a, b and c".</summary>
    public static string Listed(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
