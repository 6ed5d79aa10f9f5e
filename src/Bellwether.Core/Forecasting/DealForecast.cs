using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Forecasting.Simulation;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// Forecasts of the deal indicators (bookings, expansion_bookings, won_deals, new_logos): what closed before t, plus
/// the simulated wins of the deals open at t and of the deals not yet created.
/// </summary>
internal static class DealForecast
{
    public const string Closed = "closed";
    public const string OpenPipeline = "open_pipeline";
    public const string NotYetCreated = "not_yet_created";

    public static IEnumerable<ForecastRow> Rows(
        string indicator, FittedParts m, Projection p, ScenarioEffects effects, IReadOnlyList<Period> periods, Slicer slicer, RowWriter writer, CancellationToken cancellation = default)
    {
        var draws = Draw(indicator, m, p, effects, periods, slicer, cancellation);
        return writer.Rows(draws, periods, slicer, Closed, OpenPipeline, NotYetCreated, indicator is ForecastIndicators.WonDeals or ForecastIndicators.NewLogos ? 1 : 2);
    }

    public static Draws Draw(string indicator, FittedParts m, Projection p, ScenarioEffects effects, IReadOnlyList<Period> periods, Slicer slicer, CancellationToken cancellation = default)
    {
        var facts = m.Facts;
        var periodOfSlot = PeriodOfSlot(p.Horizon, periods);
        var count = indicator is ForecastIndicators.WonDeals;
        // Atoms may name groups no deal has (a hire): map them before the draws are sized.
        var atomGroups = p.Atoms.Select(a => indicator != ForecastIndicators.NewLogos || a.Atom.Stream.Type == (int)OpportunityType.NewBusiness ? slicer.OfAtom(a) : []).ToArray();
        var splits = p.Atoms.Select((a, k) => atomGroups[k].Count == 0 ? null : slicer.SplitOf(a)).ToArray();
        var draws = new Draws(slicer.Groups, periods.Count, m.Options.Simulations);
        if (indicator == ForecastIndicators.NewLogos)
        {
            NewLogos(m, p, periods, slicer, atomGroups, splits, periodOfSlot, draws, cancellation);
        }
        else
        {
            Simulator.Deals(p, slicer, atomGroups, splits, periodOfSlot, draws, m.Options.Seed, count ? Simulator.Measure.Count : Simulator.Measure.Amount, cancellation);
            for (var i = 0; i < facts.Count; i++)
            {
                var g = slicer.OfDeal(i);
                var period = facts.Status[i] == OpportunityStatus.Won && g >= 0 ? PeriodOf(periods, facts.ClosedDay[i]) : -1;
                if (period >= 0)
                {
                    draws.Known[(g * draws.Periods) + period] += count ? 1 : (double)facts.Amount[i];
                }
            }
        }

        if (indicator == ForecastIndicators.Bookings && effects.Of<QuotaLiftChange>().FirstOrDefault() is { } lift && slicer.Uses.All(RepLevel))
        {
            QuotaLift(m, p, periods, slicer, draws, lift, cancellation);
        }

        return draws;
    }

    /// <summary>For each slot, the index of the requested period containing it, or −1.</summary>
    public static int[] PeriodOfSlot(Horizon horizon, IReadOnlyList<Period> periods) =>
        [.. horizon.SlotMonth.Select(month => PeriodOf(periods, month.DayNumber))];

    public static int PeriodOf(IReadOnlyList<Period> periods, int day)
    {
        if (day == DealFacts.NoDay)
        {
            return -1;
        }

        var date = DateOnly.FromDayNumber(day);
        for (var k = 0; k < periods.Count; k++)
        {
            if (periods[k].Contains(date))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// New logos: an account without a win before t becomes one in the month its first open deal is won (the earliest
    /// win among its open deals in the future); deals not yet created add the new-business wins times the share of
    /// trailing-year new-business wins that were an account's first.
    /// </summary>
    private static void NewLogos(FittedParts m, Projection p, IReadOnlyList<Period> periods, Slicer slicer, IReadOnlyList<(int Group, double Weight)>[] atomGroups, AtomSplit?[] splits, int[] periodOfSlot, Draws draws, CancellationToken cancellation)
    {
        var facts = m.Facts;
        var account = facts.Column(Dimension.Account);
        var won = new HashSet<int>();
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts.Status[i] != OpportunityStatus.Won)
            {
                continue;
            }

            won.Add(account[i]);
            var g = slicer.OfDeal(i);
            var period = facts.FirstWin[i] && g >= 0 ? PeriodOf(periods, facts.ClosedDay[i]) : -1;
            if (period >= 0)
            {
                draws.Known[(g * draws.Periods) + period]++;
            }
        }

        // Candidates: open deals of accounts with no win yet, grouped by account; the account's slice is its first deal's.
        var byAccount = Enumerable.Range(0, p.OpenDeals.Length)
            .Where(k => !won.Contains(account[p.OpenDeals[k]]))
            .GroupBy(k => account[p.OpenDeals[k]])
            .Select(g => g.ToArray())
            .ToArray();
        var firstWinShare = FirstWinShare(m);
        Parallel.For(0, draws.Simulations, new ParallelOptions { CancellationToken = cancellation }, sim =>
        {
            var zw = Simulator.WinShock(p, m.Options.Seed, sim);
            var zc = Simulator.RateShocks(p, m.Options.Seed, sim);
            var zr = Simulator.RepShocks(p, m.Options.Seed, sim);
            foreach (var deals in byAccount)
            {
                var earliest = int.MaxValue;
                var group = -1;
                foreach (var k in deals)
                {
                    var slot = Simulator.WinSlot(p, m.Options.Seed, sim, k, zw * Simulator.Of(zr, p.RepOfDeal[k]));
                    if (slot >= 0 && slot < earliest)
                    {
                        earliest = slot;
                        group = slicer.OfDeal(p.OpenDeals[k]);
                    }
                }

                if (earliest != int.MaxValue && group >= 0 && periodOfSlot[earliest] >= 0)
                {
                    draws.First[draws.At(group, periodOfSlot[earliest], sim)]++;
                }
            }

            var mixes = new Dictionary<int, double[]>();
            for (var a = 0; a < p.Atoms.Length; a++)
            {
                for (var s = 0; s < p.Horizon.Slots && atomGroups[a].Count > 0; s++)
                {
                    var logos = periodOfSlot[s] >= 0 ? Simulator.NewWins(p, m.Options.Seed, sim, a, s, zw * zc[s] * Simulator.Of(zr, p.RepOfAtom[a]), firstWinShare) : 0;
                    if (logos == 0)
                    {
                        continue;
                    }

                    if (splits[a] is { } split)
                    {
                        Simulator.Scatter(split, mixes, m.Options.Seed, sim, a, s, logos, null, draws, periodOfSlot[s]);
                        continue;
                    }

                    foreach (var (group, weight) in atomGroups[a])
                    {
                        draws.Second[draws.At(group, periodOfSlot[s], sim)] += weight * logos;
                    }
                }
            }
        });
    }

    private static double FirstWinShare(FittedParts m)
    {
        var facts = m.Facts;
        var type = facts.Column(Dimension.Type);
        double first = 0, all = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts.Status[i] == OpportunityStatus.Won && type[i] == (int)OpportunityType.NewBusiness && facts.ClosedDay[i] >= m.Day0 - 365)
            {
                all++;
                first += facts.FirstWin[i] ? 1 : 0;
            }
        }

        return all > 0 ? first / all : 0;
    }

    /// <summary>
    /// what_if_half_under_reach_quota on the forecast: per period, reps whose P50 bookings are under their quota, by
    /// attainment descending; the first ceil(n × share) get their shortfall added in every future. Applied to groups
    /// of rep-level dimensions (rep, team, manager, rep_region) or the whole company.
    /// </summary>
    private static void QuotaLift(FittedParts m, Projection p, IReadOnlyList<Period> periods, Slicer slicer, Draws draws, QuotaLiftChange lift, CancellationToken cancellation)
    {
        var byRep = new Slicer(m, [Dimension.Rep], new Dictionary<Dimension, string>());
        var repAtoms = p.Atoms.Select(byRep.OfAtom).ToArray();
        var repDraws = new Draws(byRep.Groups, periods.Count, m.Options.Simulations);
        Simulator.Deals(p, byRep, repAtoms, new AtomSplit?[p.Atoms.Length], PeriodOfSlot(p.Horizon, periods), repDraws, m.Options.Seed, Simulator.Measure.Amount, cancellation);
        for (var i = 0; i < m.Facts.Count; i++)
        {
            var period = m.Facts.Status[i] == OpportunityStatus.Won ? PeriodOf(periods, m.Facts.ClosedDay[i]) : -1;
            if (period >= 0)
            {
                repDraws.Known[(byRep.OfDeal(i) * repDraws.Periods) + period] += (double)m.Facts.Amount[i];
            }
        }

        var reps = m.View.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
        for (var k = 0; k < periods.Count; k++)
        {
            var under = new List<(Rep Rep, double Attainment, double Shortfall)>();
            for (var g = 0; g < byRep.Groups; g++)
            {
                var id = byRep.ValueOf(g, Dimension.Rep);
                var quota = Quota(m, id, periods[k]);
                if (quota is not { } q || q <= 0 || !reps.TryGetValue(id, out var rep))
                {
                    continue;
                }

                var totals = repDraws.Totals(g, k);
                Array.Sort(totals);
                var p50 = Quantiles.Of(totals, 0.5);
                if (p50 < q)
                {
                    under.Add((rep, p50 / q, q - p50));
                }
            }

            var lifted = under.OrderByDescending(u => u.Attainment).ThenBy(u => u.Rep.RepId, StringComparer.Ordinal).Take((int)Math.Ceiling(under.Count * lift.Share));
            foreach (var (rep, _, shortfall) in lifted)
            {
                var atom = AtomPlan.Of(m.Facts, new CreationAtom(new CreationStream(0, 0, 0), -1, rep, 0), rep: rep);
                foreach (var (group, weight) in slicer.OfAtom(atom).Where(x => x.Group < draws.Groups))
                {
                    draws.Known[(group * draws.Periods) + k] += shortfall * weight;
                }
            }
        }
    }

    private static bool RepLevel(Dimension dimension) => dimension is Dimension.Rep or Dimension.Team or Dimension.Manager or Dimension.RepRegion;

    /// <summary>A rep's bookings quota for a period: shorter quotas inside it summed, a longer one prorated by days.</summary>
    private static double? Quota(FittedParts m, string repId, Period period)
    {
        double? total = null;
        foreach (var quota in m.View.Quotas)
        {
            if (quota.RepId != repId || quota.Metric != QuotaMetric.Bookings || !m.Calendar.TryParse(quota.Period, out var qp))
            {
                continue;
            }

            var overlap = Math.Min(qp.End.DayNumber, period.End.DayNumber) - Math.Max(qp.Start.DayNumber, period.Start.DayNumber);
            if (overlap > 0)
            {
                total = (total ?? 0) + ((double)quota.Amount * overlap / qp.Days);
            }
        }

        return total;
    }
}
