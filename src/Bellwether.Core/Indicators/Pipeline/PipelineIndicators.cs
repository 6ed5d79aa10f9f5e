using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>
/// The pipeline as it stood at the end of P (or at t, when earlier): open deals and their amount, weighted amount,
/// deals that slipped out of P, sales velocity; and closable_deals, the open deals that can still close in P.
/// </summary>
internal sealed class PipelineIndicators : IndicatorFamily
{
    private const int SlippedListed = 100;

    public override IReadOnlyList<string> Names { get; } =
        ["open_pipeline", "open_deals", "weighted_pipeline", "closable_deals", "slipped_deals", "sales_velocity"];

    public override Timing TimingOf(string name) => name == "closable_deals" ? Timing.Forward : Timing.State;

    public override Outcome[] Compute(string name, Scope s) => name switch
    {
        "open_pipeline" => s.Each(g => Outcome.Of(DealStats.Open(s, s.Reference).Amount[g])),
        "open_deals" => s.Each(g => Outcome.Of(DealStats.Open(s, s.Reference).Count[g])),
        "weighted_pipeline" => Weighted(s),
        "closable_deals" => ClosableDeals(s),
        "slipped_deals" => Slipped(s),
        "sales_velocity" => Velocity(s),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static Outcome[] ClosableDeals(Scope s)
    {
        if (s.T >= s.End)
        {
            return s.Each(_ => Outcome.Lacking($"{s.Period.Label} is over as of {Instants.Format(s.AsOf)}"));
        }

        var c = Closable.In(s, s.Period);
        return s.Each(g =>
        {
            var detail = new ClosableDetail { Amount = c.Amount[g], P10CycleDays = double.IsNaN(c.P10CycleDays[g]) ? null : Num.Of(c.P10CycleDays[g]) };
            return Outcome.Of(c.Count[g], detail, Closable.UnjudgedReason(c, g));
        });
    }

    private static Outcome[] Weighted(Scope s)
    {
        var open = s.Cache.Open(s.Reference);
        var rates = s.Cache.StageRates(s.Reference);
        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var overall = rates.OverallWon + rates.OverallLost > 0 ? (double)rates.OverallWon / (rates.OverallWon + rates.OverallLost) : double.NaN;
        var sum = new double[s.Groups];
        var fallback = new int[s.Groups];
        var unweighted = new int[s.Groups];
        for (var k = 0; k < open.Rows.Length; k++)
        {
            var g = of[open.Rows[k]];
            if (g < 0)
            {
                continue;
            }

            var p = rates.Probability(open.Stage[k], deals.Probability[open.Rows[k]]);
            if (double.IsNaN(p))
            {
                if (double.IsNaN(overall))
                {
                    unweighted[g]++;
                    continue;
                }

                fallback[g]++;
                p = overall;
            }

            sum[g] += (double)open.Amount[k] * p;
        }

        return s.Each(g =>
        {
            if (unweighted[g] > 0)
            {
                return Outcome.Lacking($"{unweighted[g]} open deals have no probability: no stages.csv probability, no CRM probability and no deal closed before to learn a win rate from");
            }

            var note = fallback[g] > 0 ? $"{fallback[g]} open deals are at stages with no known probability and are weighted by the overall win rate" : null;
            return Outcome.Of(Num.Money((decimal)sum[g]), null, note);
        });
    }

    private static Outcome[] Velocity(Scope s)
    {
        var window = Window.Trailing(s.Calendar, s.Reference, Grain.Quarter, 4);
        var closed = DealStats.Closed(s, window);
        var open = DealStats.Open(s, s.Reference);
        return s.Each(g =>
        {
            var won = closed.WonCount[g];
            if (won == 0)
            {
                return Outcome.Lacking($"no won deals in the trailing 4 fiscal quarters ({window.Label})");
            }

            var winRate = (double)won / (won + closed.LostCount[g]);
            var avgDeal = (double)closed.WonAmount[g] / won;
            var cycle = closed.CycleDays[g] / won;
            return cycle <= 0
                ? Outcome.Lacking($"won deals of {window.Label} closed the instant they were created: no cycle to divide by")
                : Outcome.Of(Num.Money((decimal)(open.Count[g] * winRate * avgDeal / cycle)));
        });
    }

    private static Outcome[] Slipped(Scope s)
    {
        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var open = s.Cache.Open(s.Reference);
        var startDay = s.Period.Start.DayNumber;
        var endDay = s.Period.End.DayNumber;
        var lists = new List<SlippedDeal>[s.Groups];
        for (var k = 0; k < open.Rows.Length; k++)
        {
            var i = open.Rows[k];
            var g = of[i];
            if (g < 0 || open.Expected[k] == DealTable.NoDay || open.Expected[k] < endDay)
            {
                continue;
            }

            var inside = DealTable.NoDay;
            for (var h = deals.HistStart[i]; h < deals.HistStart[i] + deals.HistCount[i] && deals.HistTicks[h] < s.Reference; h++)
            {
                if (deals.HistExpected[h] >= startDay && deals.HistExpected[h] < endDay)
                {
                    inside = deals.HistExpected[h];
                }
            }

            if (inside != DealTable.NoDay)
            {
                (lists[g] ??= []).Add(new SlippedDeal
                {
                    OpportunityId = deals.Id[i],
                    Amount = open.Amount[k],
                    ExpectedBefore = DateOnly.FromDayNumber(inside),
                    ExpectedNow = DateOnly.FromDayNumber(open.Expected[k]),
                });
            }
        }

        return s.Each(g =>
        {
            var list = lists[g] ?? [];
            var detail = new SlippedDetail
            {
                Amount = list.Sum(d => d.Amount),
                Deals = [.. list.OrderByDescending(d => d.Amount).ThenBy(d => d.OpportunityId, StringComparer.Ordinal).Take(SlippedListed)],
            };
            return Outcome.Of(list.Count, detail);
        });
    }
}
