using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using static Bellwether.Core.Signals.SignalReading;

namespace Bellwether.Core.Signals;

/// <summary>
/// The CFO's cost-model signals for the context's period: sales expense % of first sales, sales contribution %, CAC
/// and operating margin, each against its cost-model plan for exactly the period (whole company), else against its
/// mean over the four fiscal quarters before (a benchmark). Months not over yet are left out, as the indicators do.
/// </summary>
public static class CostModelSignals
{
    private static readonly (string Metric, string Title)[] Metrics =
    [
        ("sales_expense_pct", "Sales expense % of first sales"),
        ("sales_contribution_pct", "Sales contribution %"),
        ("cac", "CAC"),
        ("operating_margin", "Operating margin"),
    ];

    public static IReadOnlyList<Signal> Of(SignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. Metrics.Select(m => One(context, m.Metric, m.Title))];
    }

    private static Signal One(SignalContext c, string metric, string title)
    {
        var definition = IndicatorCatalog.Find(metric)!;
        var lower = definition.LowerIsBetter;
        var row = Row(c, metric, c.Period);
        if (row.Value is not { } value)
        {
            return Missing(Pillar.CostModel, metric, title, definition.Unit, row.MissingReason ?? "no value", lower);
        }

        var currency = c.Currency;
        string Text(decimal x) => Readable.Value(x, definition.Unit, currency);
        string Beside(decimal x, decimal other) => Readable.Value(x, definition.Unit, currency, beside: other);
        decimal? reference = null;
        string? kind = null;
        string against;
        if (Plan(c, Pillar.CostModel, metric, c.Period) is { Slice.Count: 0 } plan)
        {
            reference = plan.Target;
            kind = "plan";
            against = $"against the plan's {Beside(plan.Target, value)} ({plan.Owner})";
        }
        else
        {
            var (first, last) = NewBusinessSignals.TrailingQuarters(c, c.Period.Start);
            var earlier = NewBusinessSignals.Quarters(c, first, last).Select(q => Row(c, metric, q).Value).OfType<decimal>().ToList();
            if (earlier.Count > 0)
            {
                reference = Math.Round(earlier.Average(), 6);
                kind = "benchmark";
                against = $"against {Beside(reference.Value, value)} on average over {first.Label} to {last.Label} (no plan)";
            }
            else
            {
                against = "with no plan and no earlier quarter to compare with";
            }
        }

        var months = row.Provisional ? " (months over only)" : "";
        return new Signal
        {
            Pillar = Pillar.CostModel,
            Name = metric,
            Title = title,
            Value = value,
            Unit = definition.Unit,
            LowerIsBetter = lower,
            Reference = reference,
            ReferenceKind = kind,
            Status = reference is { } r ? Attainment.Judge(value, r, lower) : null,
            Summary = $"{title} {(reference is { } beside ? Beside(value, beside) : Text(value))} {During(c, c.Period)}{months}, {against}.",
        };
    }
}
