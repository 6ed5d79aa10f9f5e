using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// The plan a period's figure is explained against: the target of the plans.csv line for the metric, period and slice;
/// for an additive metric without such a line, the sum of the lines of the months that make up the period; and, when no
/// slice was asked for and the period's only plan is for one slice (the demo's bookings are <c>type=new_business</c>),
/// that plan, for that slice.
/// </summary>
internal sealed record PlanTarget(decimal Target, string Owner, IReadOnlyDictionary<Dimension, string> Filter, string? Note)
{
    public static PlanTarget? Find(IReadOnlyList<PlanLine> plans, FiscalCalendar calendar, string metric, Period period, IReadOnlyDictionary<Dimension, string> filter, out string reason)
    {
        reason = "";
        var lines = plans
            .Where(l => string.Equals(l.Metric, metric, StringComparison.OrdinalIgnoreCase))
            .Select(l => (Line: l, Parsed: calendar.TryParse(l.Period, out var p), Period: p, Filter: FilterOf(l)))
            .Where(x => x.Parsed && x.Filter is not null)
            .ToList();
        var wanted = SliceKey(filter);
        var exact = lines.LastOrDefault(x => x.Period.Label == period.Label && SliceKey(x.Filter!) == wanted);
        if (exact.Line is not null)
        {
            return new PlanTarget(exact.Line.Target, exact.Line.Owner, filter, null);
        }

        if (IndicatorCatalog.Find(metric) is { Additive: true })
        {
            var parts = lines.Where(x => x.Period.Grain == Grain.Month && period.Contains(x.Period) && SliceKey(x.Filter!) == wanted)
                .GroupBy(x => x.Period.Label).Select(g => g.Last()).ToList();
            if (parts.Count > 0 && parts.Sum(x => x.Period.Days) == period.Days && period.Grain > Grain.Month)
            {
                return new PlanTarget(parts.Sum(x => x.Line.Target), parts[^1].Line.Owner, filter, $"the plan for {period.Label} is the sum of its {parts.Count} months' plans");
            }
        }

        var samePeriod = lines.Where(x => x.Period.Label == period.Label).Select(x => SliceKey(x.Filter!)).Distinct(StringComparer.Ordinal).ToList();
        if (filter.Count == 0 && samePeriod.Count == 1)
        {
            var only = lines.Last(x => x.Period.Label == period.Label);
            return new PlanTarget(only.Line.Target, only.Line.Owner, only.Filter!, $"the plan for {metric} in {period.Label} is for {samePeriod[0]}: explained for that slice");
        }

        var slice = filter.Count == 0 ? "" : $" for {wanted}";
        reason = samePeriod.Count == 0
            ? $"no plan for {metric} in {period.Label}{slice} (plans.csv has none for that period)"
            : $"no plan for {metric} in {period.Label}{slice} (its plans are for {string.Join(", ", samePeriod.Select(s => s.Length == 0 ? "the whole company" : s))}: pass that slice)";
        return null;
    }

    private static Dictionary<Dimension, string>? FilterOf(PlanLine line)
    {
        var result = new Dictionary<Dimension, string>();
        foreach (var (name, value) in line.Slice)
        {
            if (!SnakeCase.TryParse<Dimension>(name, out var dimension))
            {
                return null;
            }

            result[dimension] = value;
        }

        return result;
    }

    public static string SliceKey(IReadOnlyDictionary<Dimension, string> filter) =>
        string.Join(';', filter.OrderBy(f => f.Key).Select(f => $"{SnakeCase.Name(f.Key)}={f.Value}"));
}
