using System.Runtime.CompilerServices;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// What grr, nrr and expansion_revenue are made of, per group, period and future, simulated once for all three: over
/// the cohort (the accounts with revenue in the period before, P'), their revenue in P', what they kept
/// (Σ min(P, P') per account), their revenue in P, and their growth (Σ max(0, P − P') per account). In each future an
/// account's revenue in a month set is what is known, the existing book times the future's book shock, the revenue of
/// its open deals won in that future, and its share of what existing clients' new deals bring: expansions and renewals
/// without a book land on the cohort in proportion to each account's revenue in P' (of the first period asked).
/// </summary>
internal sealed class RetentionSums
{
    public const int Before = 0;
    public const int Kept = 1;
    public const int Now = 2;
    public const int Growth = 3;

    private const int Figures = 4;

    /// <summary>[future][group][period][figure].</summary>
    private readonly double[] _values;

    private RetentionSums(int groups, int periods, int simulations)
    {
        Groups = groups;
        Periods = periods;
        Simulations = simulations;
        _values = new double[simulations * groups * periods * Figures];
    }

    public int Groups { get; }

    public int Periods { get; }

    public int Simulations { get; }

    private int Width => Groups * Periods * Figures;

    /// <summary>One figure (<see cref="Before"/>, <see cref="Kept"/>, <see cref="Now"/>, <see cref="Growth"/>) of a group and period in a future.</summary>
    public double Of(int group, int period, int simulation, int figure) => _values[(simulation * Width) + (((group * Periods) + period) * Figures) + figure];

    /// <param name="m">The fitted model.</param>
    /// <param name="p">The projection the futures are drawn from.</param>
    /// <param name="periods">The periods (each compared with the one before it).</param>
    /// <param name="slicer">The slicing (account-level dimensions and service line only).</param>
    /// <param name="churn">1 + a scenario's churn change: how fast the book's residual fades.</param>
    public static RetentionSums Simulate(FittedParts m, Projection p, IReadOnlyList<Period> periods, Slicer slicer, double churn)
    {
        // Keys: one per (group, account); month sets: two per period (P, then P').
        var months = periods.SelectMany(period => new[] { LedgerForecast.Months(period), LedgerForecast.Months(m.Calendar.Previous(period)) }).ToArray();
        var keys = new Dictionary<(int Group, int Account), int>();
        int KeyOf(int group, int account)
        {
            if (group < 0)
            {
                return -1;
            }

            if (!keys.TryGetValue((group, account), out var key))
            {
                key = keys.Count;
                keys[(group, account)] = key;
            }

            return key;
        }

        var streams = m.Revenue.Streams.Select(s => (s.Account, s.Line, Key: KeyOf(slicer.OfValues(d => m.StreamValue(d, s.Account, s.Line)), s.Account))).ToList();
        var account = m.Facts.Column(Dimension.Account);
        var itemKeys = p.OpenDeals.Select(i => KeyOf(slicer.OfDeal(i), account[i])).ToArray();
        var ledger = new RevenueLedger(m, p, months, keys.Count);
        ledger.Base([.. streams.Where(s => s.Key >= 0)], churn);
        ledger.Items(k => itemKeys[k]);

        // New deals of existing clients (expansions; renewals without a book) land on the cohort in proportion to P'.
        var sets = months.Length;
        var clientWeight = new double[keys.Count];
        var clientTotal = 0.0;
        for (var key = 0; key < keys.Count; key++)
        {
            var weight = ledger.Base(key, 1, 1);
            if (weight > 0)
            {
                clientWeight[key] = weight;
                clientTotal += weight;
            }
        }

        if (clientTotal > 0)
        {
            ledger.Shared(
                [.. clientWeight.Select(w => w / clientTotal)],
                (a, s) => p.Atoms[a].Atom.Stream.Type == (int)OpportunityType.NewBusiness ? [] : p.AtomLines[a].Select(l => (l.Line, l.Share[s])));
        }

        var groupOfKey = new int[keys.Count];
        foreach (var ((group, _), key) in keys)
        {
            groupOfKey[key] = group;
        }

        // An account with nothing in P' in any future (nothing known or booked, no open deal, no share of new ones) is in
        // no cohort: only the others are summed, in the order of their keys.
        var hasDeal = new bool[keys.Count];
        foreach (var key in itemKeys.Where(key => key >= 0))
        {
            hasDeal[key] = true;
        }

        var share = ledger.ShareOfKey.Length == keys.Count ? ledger.ShareOfKey : new double[keys.Count];
        var cohort = Enumerable.Range(0, periods.Count)
            .Select(k => Cohort.Of(
                Enumerable.Range(0, keys.Count).Where(key => hasDeal[key] || share[key] != 0 || ledger.Known[(key * sets) + (2 * k) + 1] != 0 || ledger.Existing[(key * sets) + (2 * k) + 1] != 0),
                groupOfKey))
            .ToArray();

        // A period whose months and the months before it are all known is the same in every future: summed once.
        var settled = periods.Select(period => MonthIndex.Of(period.End) - 1 <= m.Revenue.LastKnownMonth).ToArray();
        var open = Enumerable.Range(0, periods.Count).Where(k => !settled[k]).ToArray();
        var result = new RetentionSums(slicer.Groups, periods.Count, m.Options.Simulations);
        var fixedSums = new double[result.Width];
        var context = new SumContext(ledger, share, cohort, periods.Count, sets);
        context.Add(new double[ledger.Buckets], [.. Enumerable.Repeat(1.0, sets)], new double[sets], fixedSums, [.. Enumerable.Range(0, periods.Count).Where(k => settled[k])]);
        Parallel.For(0, result.Simulations, () => (Revenue: new double[ledger.Buckets], Book: new double[sets], Shared: new double[sets]), (sim, _, local) =>
        {
            var sums = result._values.AsSpan(sim * result.Width, result.Width);
            fixedSums.CopyTo(sums);
            if (open.Length > 0)
            {
                ledger.Draw(sim, local.Revenue, local.Book, local.Shared);
                context.Add(local.Revenue, local.Book, local.Shared, sums, open);
            }

            return local;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// The accounts that can be in a period's cohort, by group: keys in group order and, within a group, in key order,
    /// so that a group's sums add its accounts in the same order whatever the slicing.
    /// </summary>
    private sealed record Cohort(int[] Keys, (int Group, int Start, int End)[] Runs)
    {
        public static Cohort Of(IEnumerable<int> keys, int[] groupOfKey)
        {
            var sorted = keys.OrderBy(key => groupOfKey[key]).ThenBy(key => key).ToArray();
            var runs = new List<(int, int, int)>();
            for (var start = 0; start < sorted.Length;)
            {
                var end = start;
                while (end < sorted.Length && groupOfKey[sorted[end]] == groupOfKey[sorted[start]])
                {
                    end++;
                }

                runs.Add((groupOfKey[sorted[start]], start, end));
                start = end;
            }

            return new Cohort(sorted, [.. runs]);
        }
    }

    /// <summary>What the sums of a future are taken over: the ledger's fixed parts, each key's share of shared atoms, the cohorts.</summary>
    private sealed record SumContext(RevenueLedger Ledger, double[] Share, Cohort[] Cohorts, int Periods, int Sets)
    {
        /// <summary>Adds one future's figures of the periods <paramref name="which"/> to <paramref name="sums"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(double[] added, double[] book, double[] shared, Span<double> sums, int[] which)
        {
            var known = Ledger.Known;
            var existing = Ledger.Existing;
            var share = Share;
            var sets = Sets;
            foreach (var k in which)
            {
                var (now, before) = (2 * k, (2 * k) + 1);
                var (bookNow, bookBefore, sharedNow, sharedBefore) = (book[now], book[before], shared[now], shared[before]);
                var cohort = Cohorts[k];
                var keys = cohort.Keys;
                foreach (var (group, start, end) in cohort.Runs)
                {
                    double cohortBefore = 0, kept = 0, cohortNow = 0, growth = 0;
                    for (var i = start; i < end; i++)
                    {
                        var key = keys[i];
                        var at = key * sets;
                        var revenueBefore = known[at + before] + (existing[at + before] * bookBefore) + added[at + before] + (share[key] * sharedBefore);
                        if (revenueBefore <= 0)
                        {
                            continue;
                        }

                        var revenueNow = known[at + now] + (existing[at + now] * bookNow) + added[at + now] + (share[key] * sharedNow);
                        cohortBefore += revenueBefore;
                        kept += Math.Min(revenueNow, revenueBefore);
                        cohortNow += revenueNow;
                        growth += Math.Max(0, revenueNow - revenueBefore);
                    }

                    var sum = ((group * Periods) + k) * Figures;
                    sums[sum + Before] += cohortBefore;
                    sums[sum + Kept] += kept;
                    sums[sum + Now] += cohortNow;
                    sums[sum + Growth] += growth;
                }
            }
        }
    }
}
