using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Time;
using static Bellwether.Core.Signals.SignalReading;

namespace Bellwether.Core.Signals;

/// <summary>
/// A revenue-ledger indicator of a pillar (grr, logo_churn, expansion_revenue, services_per_client) as a signal: its
/// value for the latest period that is over — the context's period once its months are all over, else the one before
/// it (a ledger figure of a quarter with a month to go compares part of it with the whole quarter before, and would
/// read as a collapse) — against the pillar's plan for exactly that period (whole company), else the mean of the four
/// periods before it (the benchmark).
/// </summary>
internal static class LedgerSignal
{
    public static Signal Of(SignalContext c, Pillar pillar, string metric, string title)
    {
        var definition = IndicatorCatalog.Find(metric)!;
        var period = LatestOver(c);
        var value = Value(c, metric, period, out var missing);
        var lower = definition.LowerIsBetter;
        if (value is not { } v)
        {
            return Missing(pillar, metric, title, definition.Unit, missing!, lower);
        }

        string Text(decimal x) => Readable.Value(x, definition.Unit, c.Currency);
        string Beside(decimal x, decimal other) => Readable.Value(x, definition.Unit, c.Currency, beside: other);
        decimal? reference = null;
        string? kind = null;
        string against;
        if (Plan(c, pillar, metric, period) is { Slice.Count: 0 } plan)
        {
            (reference, kind) = (plan.Target, "plan");
            against = $"against the plan's {Beside(plan.Target, v)} ({plan.Owner})";
        }
        else
        {
            var before = Enumerable.Range(1, 4).Select(k => c.Engine.Dataset.Settings.Calendar.Shift(period, -k)).ToList();
            var earlier = before.Select(p => Value(c, metric, p, out _)).OfType<decimal>().ToList();
            if (earlier.Count > 0)
            {
                (reference, kind) = (Math.Round(earlier.Average(), 6), "benchmark");
                against = $"against {Beside(reference.Value, v)} on average over {before[^1].Label} to {before[0].Label} (no plan)";
            }
            else
            {
                against = "with no plan and no earlier period to compare with";
            }
        }

        var under = period.Label == c.Period.Label ? "" : $" (the latest period over; {c.Period.Label} is under way)";
        return new Signal
        {
            Pillar = pillar,
            Name = metric,
            Title = title,
            Value = v,
            Unit = definition.Unit,
            LowerIsBetter = lower,
            Reference = reference,
            ReferenceKind = kind,
            Status = reference is { } r ? Attainment.Judge(v, r, lower) : null,
            Summary = $"{title} {(reference is { } beside ? Beside(v, beside) : Text(v))} in {period.Label}{under}, {against}.",
        };
    }

    /// <summary>
    /// The latest period whose months are all over at the context's instant, of the context period's grain (a quarter
    /// for a day or week, which the monthly ledger cannot speak for).
    /// </summary>
    public static Period LatestOver(SignalContext c)
    {
        var calendar = c.Engine.Dataset.Settings.Calendar;
        var period = c.Period.Grain is Grain.Month or Grain.Quarter or Grain.Year ? c.Period : calendar.Containing(c.Period.Start, Grain.Quarter);
        var today = Instants.DayOf(c.AsOf);
        var firstOpen = new DateOnly(today.Year, today.Month, 1);
        while (period.End > firstOpen)
        {
            period = calendar.Previous(period);
        }

        return period;
    }

    private static decimal? Value(SignalContext c, string metric, Period period, out string? missing)
    {
        var row = Row(c, metric, period);
        missing = row.MissingReason;
        return row.Value;
    }
}
