using System.Runtime.CompilerServices;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// Draws futures from a projection. In each future one common shock scales every deal's chance of winning and another
/// every creation rate (so deals move together and ranges are not falsely narrow), and each rep draws a shock of their
/// own that scales both for their deals and atoms (a rep's quarter runs hot or cold); then each open deal is won in at
/// most one month (one uniform against its cumulative chances) and each atom wins a Poisson number of new deals per
/// month, booking a log-normal sum of their amounts; where a slicing needs what an atom does not say (its wins'
/// vertical, service line, account), each of its wins takes one of the stream's recent wins as its template, drawn
/// anew in every future. Draws are counter-based, so a deal's fate in a future is the same in every slicing: a team's
/// outcome in a future is exactly the sum of its reps', and a company's the sum of its verticals'.
/// </summary>
internal static class Simulator
{
    private const ulong WinShockStream = 1;
    private const ulong RateShockStream = 2;
    private const ulong DealStream = 3;
    private const ulong AtomCountStream = 4;
    private const ulong AtomAmountStream = 5;
    private const ulong BookShockStream = 6;
    private const ulong AtomTemplateStream = 7;
    private const ulong RepShockStream = 8;
    private const ulong CellShockStream = 9;

    /// <summary>What a won deal adds: its amount (bookings) or 1 (won deals).</summary>
    public enum Measure
    {
        Amount,
        Count,
    }

    /// <summary>The month each open deal is won in, per future (−1: not won within the horizon).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WinSlot(Projection p, ulong seed, int simulation, int openDeal, double winShock)
    {
        var u = CounterRandom.Uniform(seed, DealStream, simulation, p.OpenDeals[openDeal]);
        var slots = p.SlotWin[openDeal];
        var cumulative = 0.0;
        for (var s = 0; s < slots.Length; s++)
        {
            cumulative += winShock * slots[s];
            if (u < cumulative)
            {
                return s;
            }
        }

        return -1;
    }

    public static double WinShock(Projection p, ulong seed, int simulation) =>
        CounterRandom.Shock(p.WinShockVariance, CounterRandom.Uniform(seed, WinShockStream, simulation, 0));

    /// <summary>A future's shock of each rep (by rep code), mean 1, drawn by the rep's code so every slicing sees the same.</summary>
    public static double[] RepShocks(Projection p, ulong seed, int simulation)
    {
        if (p.RepShockVariance <= 0)
        {
            // No rep strays from their share: every rep's shock is 1 (see Of).
            return [];
        }

        var shocks = new double[p.Reps];
        for (var r = 0; r < shocks.Length; r++)
        {
            shocks[r] = CounterRandom.Shock(p.RepShockVariance, CounterRandom.Uniform(seed, RepShockStream, simulation, r));
        }

        return shocks;
    }

    /// <summary>The shock of a rep code in a future's <see cref="RepShocks"/> (1 for none: a hire, an unknown owner).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double[] repShocks, int rep) => rep >= 0 && rep < repShocks.Length ? repShocks[rep] : 1;

    /// <summary>A future's standard normal draw behind its shocks to the revenue the existing book brings.</summary>
    public static double BookNormal(ulong seed, int simulation) =>
        CounterRandom.NormalQuantile(CounterRandom.Uniform(seed, BookShockStream, simulation, 0));

    /// <summary>
    /// A future's common shocks to creation rates, one per slot: one draw for the future, its variance the creation
    /// model's out-of-sample error at each slot's lead, so a month further out is less certain.
    /// </summary>
    public static double[] RateShocks(Projection p, ulong seed, int simulation)
    {
        var z = CounterRandom.NormalQuantile(CounterRandom.Uniform(seed, RateShockStream, simulation, 0));
        var shocks = new double[p.RateShockVariance.Length];
        for (var s = 0; s < shocks.Length; s++)
        {
            shocks[s] = CounterRandom.LogNormalShock(p.RateShockVariance[s], z);
        }

        return shocks;
    }

    /// <summary>
    /// Fills <see cref="Draws.First"/> (deals open at t) and <see cref="Draws.Second"/> (deals not yet created: atoms and
    /// pending renewals) for bookings or won deals.
    /// </summary>
    /// <param name="p">The projection.</param>
    /// <param name="slicer">The slicing.</param>
    /// <param name="atomGroups">Each atom's groups and weights (<see cref="Slicer.OfAtom"/>), taken before the draws were sized.</param>
    /// <param name="splits">Each atom's templates by group (<see cref="Slicer.SplitOf"/>), or null where its group is exact.</param>
    /// <param name="periodOfSlot">The requested period of each slot, or −1.</param>
    /// <param name="draws">Where the futures go.</param>
    /// <param name="seed">The simulation's seed.</param>
    /// <param name="measure">Amounts or counts.</param>
    /// <param name="cancellation">Stops the draws between futures.</param>
    public static void Deals(Projection p, Slicer slicer, IReadOnlyList<(int Group, double Weight)>[] atomGroups, AtomSplit?[] splits, int[] periodOfSlot, Draws draws, ulong seed, Measure measure, CancellationToken cancellation = default)
    {
        // Only slots up to the last requested one matter; each deal's cumulative chances are laid out flat for speed.
        var last = Array.FindLastIndex(periodOfSlot, k => k >= 0);
        if (last < 0)
        {
            return;
        }

        var width = last + 1;
        var deals = Enumerable.Range(0, p.OpenDeals.Length).Where(k => slicer.OfDeal(p.OpenDeals[k]) >= 0).ToArray();
        var groupOf = deals.Select(k => slicer.OfDeal(p.OpenDeals[k])).ToArray();
        var value = deals.Select(k => measure == Measure.Amount ? p.WonAmount[k] : 1).ToArray();
        var target = deals.Select(k => p.NotYetCreated[k] ? draws.Second : draws.First).ToArray();
        var ids = deals.Select(k => p.OpenDeals[k]).ToArray();
        var cumulative = new double[deals.Length * width];
        for (var j = 0; j < deals.Length; j++)
        {
            var sum = 0.0;
            for (var s = 0; s < width; s++)
            {
                sum += p.SlotWin[deals[j]][s];
                cumulative[(j * width) + s] = sum;
            }
        }

        // Optimised from the first future: a command's few seconds are over before tiering would recompile the loop.
        Parallel.For(0, draws.Simulations, new ParallelOptions { CancellationToken = cancellation }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (sim) =>
        {
            var zw = WinShock(p, seed, sim);
            var zc = RateShocks(p, seed, sim);
            var zr = RepShocks(p, seed, sim);
            var mixes = new Dictionary<int, double[]>();
            for (var j = 0; j < deals.Length; j++)
            {
                var at = j * width;
                var u = CounterRandom.Uniform(seed, DealStream, sim, ids[j]) / (zw * Of(zr, p.RepOfDeal[deals[j]]));
                if (u >= cumulative[at + last])
                {
                    continue;
                }

                var slot = 0;
                while (u >= cumulative[at + slot])
                {
                    slot++;
                }

                if (periodOfSlot[slot] >= 0)
                {
                    target[j][draws.At(groupOf[j], periodOfSlot[slot], sim)] += value[j];
                }
            }

            for (var a = 0; a < p.Atoms.Length; a++)
            {
                if (atomGroups[a].Count == 0)
                {
                    continue;
                }

                for (var s = 0; s <= last; s++)
                {
                    if (periodOfSlot[s] < 0)
                    {
                        continue;
                    }

                    var won = NewWins(p, seed, sim, a, s, zw * zc[s] * Of(zr, p.RepOfAtom[a]));
                    if (won == 0)
                    {
                        continue;
                    }

                    var total = measure == Measure.Count ? won : NewAmount(p, seed, sim, a, s, won);
                    if (splits[a] is { } split)
                    {
                        Scatter(split, mixes, seed, sim, a, s, won, measure == Measure.Count ? null : total, draws, periodOfSlot[s]);
                        continue;
                    }

                    foreach (var (group, weight) in atomGroups[a])
                    {
                        draws.Second[draws.At(group, periodOfSlot[s], sim)] += total * weight;
                    }
                }
            }
        });
    }

    /// <summary>
    /// Gives each of an atom's <paramref name="won"/> wins in a slot a template of its own (drawn from the stream's
    /// recent wins through this future's mix of them) and adds it to its template's group: 1 per win when counting (<paramref name="amount"/> null),
    /// else the wins' amount shared in proportion to their templates' amounts (equally where those are all 0). A slice's new wins then vary as a slice
    /// of so many deals does — a vertical winning 15% of 300 deals wins 45 ± 7, not 45 ± 3 — while every future's slices
    /// still add up to the atom's total.
    /// </summary>
    /// <param name="split">The atom's templates under the slicing.</param>
    /// <param name="mixes">This future's mix of each stream met so far (<see cref="Mix"/>), filled as streams are met.</param>
    /// <param name="seed">The simulation's seed.</param>
    /// <param name="simulation">The future.</param>
    /// <param name="atom">The atom.</param>
    /// <param name="slot">The slot the wins fall in.</param>
    /// <param name="won">How many the atom wins in the slot in this future.</param>
    /// <param name="amount">What they book together, or null to count them.</param>
    /// <param name="draws">Where they go (its second part: deals not yet created).</param>
    /// <param name="period">The requested period of the slot.</param>
    public static void Scatter(AtomSplit split, Dictionary<int, double[]> mixes, ulong seed, int simulation, int atom, int slot, int won, double? amount, Draws draws, int period)
    {
        if (!mixes.TryGetValue(split.Stream, out var mix))
        {
            mix = Mix(split, seed, simulation);
            mixes[split.Stream] = mix;
        }

        var first = ((atom * 4096L) + slot) << 20;
        int Pick(int j)
        {
            var u = CounterRandom.Uniform(seed, AtomTemplateStream, simulation, first + j);
            var c = 0;
            while (c + 1 < mix.Length && u >= mix[c])
            {
                c++;
            }

            var cell = split.Cells[c];
            var v = CounterRandom.Uniform(seed, AtomTemplateStream, simulation, first + j + (1L << 19));
            return cell[Math.Min((int)(v * cell.Length), cell.Length - 1)];
        }

        var sum = 0.0;
        for (var j = 0; j < won && amount is not null; j++)
        {
            sum += split.Amounts[Pick(j)];
        }

        for (var j = 0; j < won; j++)
        {
            var t = Pick(j);
            var group = split.GroupOf(t);
            if (group >= 0)
            {
                draws.Second[draws.At(group, period, simulation)] += amount is not { } total ? 1 : sum > 0 ? total * split.Amounts[t] / sum : total / won;
            }
        }
    }

    /// <summary>
    /// A future's mix of a stream's new wins over its cells (vertical × service line), as cumulative shares: each cell's
    /// share of the templates, perturbed as a Bayesian bootstrap would (a gamma of the cell's count, here log-normal
    /// with its variance), because half a year of wins reads a market's share only so closely. Drawn per stream and cell,
    /// so every slicing sees the same mix.
    /// </summary>
    private static double[] Mix(AtomSplit split, ulong seed, int simulation)
    {
        var weights = new double[split.Cells.Length];
        var total = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            var n = split.Cells[c].Length;
            var z = CounterRandom.NormalQuantile(CounterRandom.Uniform(seed, CellShockStream, simulation, (split.Stream * 1_000_000L) + c));
            weights[c] = n * CounterRandom.LogNormalShock(1.0 / n, z);
            total += weights[c];
        }

        var sum = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            sum += weights[c] / total;
            weights[c] = sum;
        }

        return weights;
    }

    /// <summary>How many deals of an atom created after t are won in a slot, in one future.</summary>
    public static int NewWins(Projection p, ulong seed, int simulation, int atom, int slot, double shock, double thinning = 1)
    {
        var mean = p.AtomWins[atom][slot] * shock * thinning;
        return mean <= 0 ? 0 : CounterRandom.Poisson(mean, CounterRandom.Uniform(seed, AtomCountStream, simulation, (atom * 4096L) + slot));
    }

    /// <summary>What <paramref name="won"/> new deals of an atom book together: a log-normal sum with their mean and spread.</summary>
    public static double NewAmount(Projection p, ulong seed, int simulation, int atom, int slot, int won)
    {
        var mean = p.AtomMean[atom][slot];
        var cv = mean > 0 ? p.AtomSd[atom][slot] / mean : 0;
        var variance = Math.Log(1 + (cv * cv / won));
        var z = CounterRandom.NormalQuantile(CounterRandom.Uniform(seed, AtomAmountStream, simulation, (atom * 4096L) + slot));
        return won * mean * Math.Exp((Math.Sqrt(variance) * z) - (variance / 2));
    }
}
