using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>A bookings target for a period and slice, and where it came from.</summary>
internal readonly record struct Target(decimal Amount, string Source);

/// <summary>
/// Finds the bookings target of a slice for a period: the query's explicit target, else the plans.csv line whose metric
/// is bookings, whose period is exactly the period and whose slice is exactly the row's slice (filter included).
/// </summary>
internal static class Targets
{
    public static Target? For(Scope s, Period period, int group)
    {
        if (s.Target is { } explicitTarget)
        {
            return new Target(explicitTarget, "query");
        }

        var slice = SliceText.Format(s.Space.Slice(group));
        foreach (var plan in s.Data.Data.Plans)
        {
            if (string.Equals(plan.Metric.Trim(), "bookings", StringComparison.OrdinalIgnoreCase)
                && s.Calendar.TryParse(plan.Period, out var planPeriod)
                && planPeriod.Start == period.Start && planPeriod.End == period.End
                && SliceText.Format(plan.Slice) == slice)
            {
                return new Target(plan.Target, "plan");
            }
        }

        return null;
    }

    public static string NoTarget(Scope s, Period period, int group)
    {
        var slice = SliceText.Format(s.Space.Slice(group));
        // Asked for the whole company while the period's plans are for slices (the demo's are for new business): the
        // plan meant is likely one of those, so name them.
        var others = slice.Length > 0 ? [] : s.Data.Data.Plans
            .Where(p => string.Equals(p.Metric.Trim(), "bookings", StringComparison.OrdinalIgnoreCase)
                && s.Calendar.TryParse(p.Period, out var planPeriod) && planPeriod.Start == period.Start && planPeriod.End == period.End)
            .Select(p => SliceText.Format(p.Slice))
            .Where(other => other != slice && other.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var hint = others.Count == 0 ? "" : $" (plans of {period.Label} exist for {string.Join(", ", others.Take(3))}{(others.Count > 3 ? $" and {others.Count - 3} more" : "")}: ask for {(others.Count == 1 ? "that slice" : "one of those slices")})";
        return $"no target: no bookings plan for {period.Label}{(slice.Length == 0 ? "" : $" ({slice})")} and no explicit target{hint}";
    }

    /// <summary>The slice's win rate over the trailing 4 fiscal quarters before t, or the reason there is none.</summary>
    public static (double Rate, string? Missing) TrailingWinRate(Scope s, int group)
    {
        var window = Window.Trailing(s.Calendar, s.T, Grain.Quarter, 4);
        var closed = DealStats.Closed(s, window);
        var won = closed.WonCount[group];
        var all = won + closed.LostCount[group];
        if (all == 0)
        {
            return (double.NaN, $"no closed deals in the trailing 4 fiscal quarters ({window.Label}) to take a win rate from");
        }

        return won == 0
            ? (0, $"no won deals in the trailing 4 fiscal quarters ({window.Label}): no win rate to divide by")
            : ((double)won / all, null);
    }
}
