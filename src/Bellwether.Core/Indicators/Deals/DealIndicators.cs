using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Indicators.Deals;

/// <summary>
/// Deals won, lost and created in P (before t): bookings and counts, win rates, deal size, cycle lengths, new
/// pipeline and outflow, new logos. One pass over the closed_at range of P serves them all.
/// </summary>
internal sealed class DealIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } =
    [
        "bookings", "won_deals", "lost_deals", "win_rate", "win_rate_by_value", "avg_deal_size", "cycle_days",
        "cycle_days_median", "new_pipeline", "new_deals", "pipeline_outflow", "net_pipeline_change", "new_logos",
        "expansion_bookings",
    ];

    public override Outcome[] Compute(string name, Scope s)
    {
        var label = s.Period.Label;
        switch (name)
        {
            case "new_pipeline":
            case "new_deals":
                var created = DealStats.Created(s, s.Window);
                return s.Each(g => name == "new_deals" ? Outcome.Of(created.Count[g]) : Outcome.Of(created.Amount[g]));
            case "net_pipeline_change":
                var made = DealStats.Created(s, s.Window);
                var gone = DealStats.Closed(s, s.Window);
                return s.Each(g => Outcome.Of(made.Amount[g] - gone.WonAmount[g] - gone.LostAmount[g]));
            case "cycle_days_median":
                var cycles = DealStats.WonCycles(s, s.Window);
                return s.Each(g => cycles[g].Count == 0
                    ? Outcome.Lacking($"no won deals in {label}")
                    : Outcome.Of(Num.Of(DealStats.Quantile(cycles[g], 0.5))));
        }

        var c = DealStats.Closed(s, s.Window);
        return name switch
        {
            "bookings" => s.Each(g => Outcome.Of(c.WonAmount[g])),
            "won_deals" => s.Each(g => Outcome.Of(c.WonCount[g])),
            "lost_deals" => s.Each(g => Outcome.Of(c.LostCount[g])),
            "win_rate" => s.Each(g => Outcome.Ratio(c.WonCount[g], c.WonCount[g] + c.LostCount[g], $"no closed deals in {label}")),
            "win_rate_by_value" => s.Each(g => Outcome.Ratio(c.WonAmount[g], c.WonAmount[g] + c.LostAmount[g],
                c.WonCount[g] + c.LostCount[g] == 0 ? $"no closed deals in {label}" : $"closed deals in {label} have no amount")),
            "avg_deal_size" => s.Each(g => c.WonCount[g] == 0 ? Outcome.Lacking($"no won deals in {label}") : Outcome.Of(Num.Money(c.WonAmount[g] / c.WonCount[g]))),
            "cycle_days" => s.Each(g => c.WonCount[g] == 0 ? Outcome.Lacking($"no won deals in {label}") : Outcome.Of(Num.Div(c.CycleDays[g], c.WonCount[g]))),
            "pipeline_outflow" => s.Each(g => Outcome.Of(c.WonAmount[g] + c.LostAmount[g])),
            "new_logos" => s.Each(g => Outcome.Of(c.NewLogos[g])),
            "expansion_bookings" => s.Each(g => Outcome.Of(c.Booked(g, OpportunityType.Expansion))),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
