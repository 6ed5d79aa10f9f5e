using System.Numerics;
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
internal sealed class CohortSums
{
    public const int Before = 0;
    public const int Kept = 1;
    public const int Now = 2;
    public const int Growth = 3;

    private const int Figures = 4;

    /// <summary>[future][group][period][figure].</summary>
    private readonly double[] _values;

    private CohortSums(int groups, int periods, int simulations)
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
    /// <param name="cancellation">Stops the draws between futures.</param>
    public static CohortSums Simulate(FittedParts m, Projection p, IReadOnlyList<Period> periods, Slicer slicer, double churn, CancellationToken cancellation = default)
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
        // no cohort: only the others are summed.
        var hasDeal = new bool[keys.Count];
        foreach (var key in itemKeys.Where(key => key >= 0))
        {
            hasDeal[key] = true;
        }

        var share = ledger.ShareOfKey.Length == keys.Count ? ledger.ShareOfKey : new double[keys.Count];
        var cohorts = Enumerable.Range(0, periods.Count)
            .Select(k => Cohort.Of(
                Enumerable.Range(0, keys.Count).Where(key => hasDeal[key] || share[key] != 0 || ledger.Known[(key * sets) + (2 * k) + 1] != 0 || ledger.Existing[(key * sets) + (2 * k) + 1] != 0),
                groupOfKey,
                ledger,
                share,
                sets,
                k))
            .ToArray();

        // A period whose months and the months before it are all known is the same in every future: summed once.
        var settled = periods.Select(period => MonthIndex.Of(period.End) - 1 <= m.Revenue.LastKnownMonth).ToArray();
        var open = Enumerable.Range(0, periods.Count).Where(k => !settled[k]).ToArray();
        var result = new CohortSums(slicer.Groups, periods.Count, m.Options.Simulations);
        var fixedSums = new double[result.Width];
        var (none, unit) = (new Future(cohorts), Enumerable.Repeat(1.0, sets).ToArray());
        foreach (var k in Enumerable.Range(0, periods.Count).Where(k => settled[k]))
        {
            cohorts[k].Add(none, unit, none.Shared, fixedSums, periods.Count);
        }

        Parallel.For(0, result.Simulations, new ParallelOptions { CancellationToken = cancellation }, () => new Future(cohorts, ledger.Buckets), (sim, _, future) =>
        {
            var sums = result._values.AsSpan(sim * result.Width, result.Width);
            fixedSums.CopyTo(sums);
            if (open.Length > 0)
            {
                ledger.Draw(sim, future.Revenue, future.Book, future.Shared, future.Touched);
                future.Spread(cohorts, sets);
                foreach (var k in open)
                {
                    cohorts[k].Add(future, future.Book, future.Shared, sums, periods.Count);
                }

                future.Clear(cohorts, sets);
            }

            return future;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// The accounts that can be in one period's cohort, by group (keys in group order and, within a group, in key order),
    /// with what each brings in every future laid out column by column so that a future's sums run over plain arrays:
    /// known revenue and the existing book in P and P', and the account's share of existing clients' new deals.
    /// </summary>
    private sealed class Cohort
    {
        private Cohort(int period, int[] keys, (int Group, int Start, int End)[] runs, double[][] columns, int[] position)
        {
            Period = period;
            Keys = keys;
            Runs = runs;
            (KnownNow, ExistingNow, KnownBefore, ExistingBefore, Share) = (columns[0], columns[1], columns[2], columns[3], columns[4]);
            Position = position;
        }

        public int Period { get; }

        public int[] Keys { get; }

        public (int Group, int Start, int End)[] Runs { get; }

        public double[] KnownNow { get; }

        public double[] ExistingNow { get; }

        public double[] KnownBefore { get; }

        public double[] ExistingBefore { get; }

        public double[] Share { get; }

        /// <summary>Per key, its place in the cohort (−1: not in it).</summary>
        public int[] Position { get; }

        public static Cohort Of(IEnumerable<int> keys, int[] groupOfKey, RevenueLedger ledger, double[] share, int sets, int period)
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

            var (now, before) = (2 * period, (2 * period) + 1);
            double[] Column(double[] values, int set) => [.. sorted.Select(key => values[(key * sets) + set])];
            var position = new int[groupOfKey.Length];
            Array.Fill(position, -1);
            for (var i = 0; i < sorted.Length; i++)
            {
                position[sorted[i]] = i;
            }

            return new Cohort(
                period,
                sorted,
                [.. runs],
                [Column(ledger.Known, now), Column(ledger.Existing, now), Column(ledger.Known, before), Column(ledger.Existing, before), [.. sorted.Select(key => share[key])]],
                position);
        }

        /// <summary>
        /// Adds one future's figures of this period to <paramref name="sums"/>: an account's revenue in a month set is
        /// known + existing × the book's shock + what its deals won in the future bring + its share of existing clients'
        /// new deals, as the ledger adds them; only accounts with revenue in P' count.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(Future future, double[] book, double[] shared, Span<double> sums, int periods)
        {
            var (now, before) = (2 * Period, (2 * Period) + 1);
            var (bookNow, bookBefore, sharedNow, sharedBefore) = (book[now], book[before], shared[now], shared[before]);
            var (addedNow, addedBefore) = (future.AddedNow[Period], future.AddedBefore[Period]);
            var width = Vector<double>.Count;
            foreach (var (group, start, end) in Runs)
            {
                var (vBefore, vKept, vNow, vGrowth) = (Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero, Vector<double>.Zero);
                var i = start;
                if (Vector.IsHardwareAccelerated)
                {
                    var (bn, bb, sn, sb) = (new Vector<double>(bookNow), new Vector<double>(bookBefore), new Vector<double>(sharedNow), new Vector<double>(sharedBefore));
                    for (; i + width <= end; i += width)
                    {
                        var share = new Vector<double>(Share, i);
                        var revenueBefore = new Vector<double>(KnownBefore, i) + (new Vector<double>(ExistingBefore, i) * bb) + new Vector<double>(addedBefore, i) + (share * sb);
                        var revenueNow = new Vector<double>(KnownNow, i) + (new Vector<double>(ExistingNow, i) * bn) + new Vector<double>(addedNow, i) + (share * sn);
                        var counted = Vector.GreaterThan(revenueBefore, Vector<double>.Zero);
                        vBefore += Vector.ConditionalSelect(counted, revenueBefore, Vector<double>.Zero);
                        vKept += Vector.ConditionalSelect(counted, Vector.Min(revenueNow, revenueBefore), Vector<double>.Zero);
                        vNow += Vector.ConditionalSelect(counted, revenueNow, Vector<double>.Zero);
                        vGrowth += Vector.ConditionalSelect(counted, Vector.Max(Vector<double>.Zero, revenueNow - revenueBefore), Vector<double>.Zero);
                    }
                }

                double cohortBefore = Vector.Sum(vBefore), kept = Vector.Sum(vKept), cohortNow = Vector.Sum(vNow), growth = Vector.Sum(vGrowth);
                for (; i < end; i++)
                {
                    var revenueBefore = KnownBefore[i] + (ExistingBefore[i] * bookBefore) + addedBefore[i] + (Share[i] * sharedBefore);
                    if (revenueBefore <= 0)
                    {
                        continue;
                    }

                    var revenueNow = KnownNow[i] + (ExistingNow[i] * bookNow) + addedNow[i] + (Share[i] * sharedNow);
                    cohortBefore += revenueBefore;
                    kept += Math.Min(revenueNow, revenueBefore);
                    cohortNow += revenueNow;
                    growth += Math.Max(0, revenueNow - revenueBefore);
                }

                var sum = ((group * periods) + Period) * Figures;
                sums[sum + Before] += cohortBefore;
                sums[sum + Kept] += kept;
                sums[sum + Now] += cohortNow;
                sums[sum + Growth] += growth;
            }
        }
    }

    /// <summary>
    /// One worker's scratch space for a future: the ledger's draw (by bucket, with the buckets it touched), and what the
    /// deals won add to each cohort's accounts in P and P', in cohort order (0 for all but the few accounts whose deals
    /// were won, which are set before the sums and cleared after).
    /// </summary>
    private sealed class Future
    {
        public Future(Cohort[] cohorts, int buckets = 0)
        {
            Revenue = new double[buckets];
            Book = new double[cohorts.Length * 2];
            Shared = new double[cohorts.Length * 2];
            AddedNow = [.. cohorts.Select(c => new double[c.Keys.Length])];
            AddedBefore = [.. cohorts.Select(c => new double[c.Keys.Length])];
        }

        public double[] Revenue { get; }

        public double[] Book { get; }

        public double[] Shared { get; }

        public List<int> Touched { get; } = [];

        public double[][] AddedNow { get; }

        public double[][] AddedBefore { get; }

        /// <summary>Copies the revenue of the buckets the draw touched to each cohort's columns.</summary>
        public void Spread(Cohort[] cohorts, int sets) => Copy(cohorts, sets, true);

        public void Clear(Cohort[] cohorts, int sets) => Copy(cohorts, sets, false);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Copy(Cohort[] cohorts, int sets, bool set)
        {
            foreach (var bucket in Touched)
            {
                var (key, monthSet) = (bucket / sets, bucket % sets);
                var cohort = cohorts[monthSet / 2];
                var at = cohort.Position[key];
                if (at >= 0)
                {
                    (monthSet % 2 == 0 ? AddedNow : AddedBefore)[cohort.Period][at] = set ? Revenue[bucket] : 0;
                }
            }
        }
    }
}
