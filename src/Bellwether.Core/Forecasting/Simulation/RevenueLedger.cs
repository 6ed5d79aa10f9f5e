using System.Runtime.CompilerServices;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// Revenue by bucket (a key, such as a group or an account, × a set of months): what is known and what the book
/// brings (fixed), and per future what the deals won after t add, drawn with the same randomness as bookings.
/// </summary>
internal sealed class RevenueLedger
{
    private readonly FittedParts _m;
    private readonly Projection _p;
    private readonly int[][] _monthSets;
    private readonly double[] _horizon;
    private readonly (int Bucket, double Value)[][][] _itemSlots;
    private (int Bucket, double Value)[][][] _atomSlots = [];

    /// <summary>Per atom and slot, the revenue per unit of amount won in each month set that is shared among keys (null: none).</summary>
    private double[]?[][] _sharedSlots = [];

    /// <summary>The buckets a future's deals can add to (null: too many to be worth clearing one by one).</summary>
    private int[]? _touched;

    public RevenueLedger(FittedParts m, Projection p, int[][] monthSets, int keys)
    {
        _m = m;
        _p = p;
        _monthSets = monthSets;

        // How far ahead of the last month the ledger knows each set's months lie, on average (0: all known).
        _horizon = LedgerForecast.MonthsAhead(monthSets, m.Revenue.LastKnownMonth);
        Buckets = keys * monthSets.Length;
        Known = new double[Buckets];
        Existing = new double[Buckets];
        _itemSlots = new (int, double)[p.OpenDeals.Length][][];
    }

    public int Buckets { get; }

    public double[] Known { get; }

    public double[] Existing { get; }

    /// <summary>Per key, its share of the revenue of the atoms given by <see cref="Shared"/> (0 for none).</summary>
    public double[] ShareOfKey { get; private set; } = [];

    /// <summary>The part without new deals of a key's month set: known, plus the existing book times a future's book shock.</summary>
    public double Base(int key, int set, double book) => Known[(key * _monthSets.Length) + set] + (Existing[(key * _monthSets.Length) + set] * book);

    public void Base(IReadOnlyList<(int Account, int Line, int Key)> streams, double churn)
    {
        var revenue = _m.Revenue;
        foreach (var (account, line, key) in streams)
        {
            for (var set = 0; set < _monthSets.Length; set++)
            {
                foreach (var month in _monthSets[set])
                {
                    var bucket = (key * _monthSets.Length) + set;
                    if (month <= revenue.LastKnownMonth)
                    {
                        Known[bucket] += revenue.Known(account, line, month);
                    }
                    else
                    {
                        Existing[bucket] += revenue.ExistingBook(account, line, month, churn);
                    }
                }
            }
        }
    }

    /// <summary>Each open (or pending) deal's revenue per month set, for each slot it could be won in.</summary>
    public void Items(Func<int, int> keyOf)
    {
        var type = _m.Facts.Column(Dimension.Type);
        var line = _m.Facts.Column(Dimension.ServiceLine);
        for (var k = 0; k < _p.OpenDeals.Length; k++)
        {
            var key = keyOf(k);
            var i = _p.OpenDeals[k];
            var slots = key < 0 ? [] : Slots(_ => [(key, line[i], 1.0)], type[i], _p.WonAmount[k]);

            // A deal that brings nothing to any month set is not drawn at all.
            _itemSlots[k] = slots.All(slot => slot.Length == 0) ? [] : slots;
        }

        _touched = Touched();
    }

    /// <summary>Each atom's revenue per unit of amount won, per month set, for each slot (the weights may differ by slot).</summary>
    public void Atoms(Func<int, int, IEnumerable<(int Key, int Line, double Weight)>> weights)
    {
        _atomSlots = [.. _p.Atoms.Select((atom, a) => Slots(s => [.. weights(a, s).Where(w => w.Key >= 0)], atom.Atom.Stream.Type, 1))];
        _touched = Touched();
    }

    /// <summary>
    /// Atoms whose revenue every key shares in fixed proportions (<paramref name="shareOfKey"/>, summing to 1), by the
    /// lines each atom's wins bring in each slot (<paramref name="lines"/>: line and share of the amount, or none for an
    /// atom that adds nothing here). Spreading an atom over thousands of accounts the way <see cref="Atoms"/> would costs
    /// thousands of additions per win; kept as one total per month set, a key's part is its share of that total.
    /// </summary>
    public void Shared(double[] shareOfKey, Func<int, int, IEnumerable<(int Line, double Share)>> lines)
    {
        ShareOfKey = shareOfKey;
        _sharedSlots = [.. _p.Atoms.Select((atom, a) => SharedSlots(s => [.. lines(a, s)], atom.Atom.Stream.Type))];
    }

    /// <summary>
    /// One future's revenue from deals won after t, by bucket (the array is cleared first), and its shock to the
    /// existing book per month set (mean 1): one draw for the future, its variance the book's one-month-ahead error
    /// variance times how many months ahead the set lies — an error in the book's level carries on and grows, so a
    /// quarter three months out is less certain than next month.
    /// </summary>
    public void Draw(int sim, double[] into, double[] book) => Draw(sim, into, book, []);

    /// <summary>
    /// As <see cref="Draw(int, double[], double[])"/>, and the revenue of the atoms given by <see cref="Shared"/> per month
    /// set into <paramref name="shared"/> (a key's part of it is <see cref="ShareOfKey"/> times it). With
    /// <paramref name="touched"/>, only the buckets it lists (the previous draw's) are cleared, and it is given the
    /// buckets this draw adds to (a bucket may be listed more than once): a future's wins touch few of many accounts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Draw(int sim, double[] into, double[] book, double[] shared, List<int>? touched = null)
    {
        if (touched is not null)
        {
            foreach (var bucket in touched)
            {
                into[bucket] = 0;
            }

            touched.Clear();
        }
        else if (_touched is null)
        {
            Array.Clear(into);
        }
        else
        {
            foreach (var bucket in _touched)
            {
                into[bucket] = 0;
            }
        }

        Array.Clear(shared);
        var seed = _m.Options.Seed;
        var zw = Simulator.WinShock(_p, seed, sim);
        var zc = Simulator.RateShocks(_p, seed, sim);
        var zr = Simulator.RepShocks(_p, seed, sim);
        for (var k = 0; k < _itemSlots.Length; k++)
        {
            if (_itemSlots[k].Length == 0)
            {
                continue;
            }

            var slot = Simulator.WinSlot(_p, seed, sim, k, zw * Simulator.Of(zr, _p.RepOfDeal[k]));
            if (slot >= 0)
            {
                foreach (var (bucket, value) in _itemSlots[k][slot])
                {
                    into[bucket] += value;
                    touched?.Add(bucket);
                }
            }
        }

        for (var a = 0; a < _atomSlots.Length; a++)
        {
            var slots = _atomSlots[a];
            for (var s = 0; s < slots.Length; s++)
            {
                if (slots[s].Length == 0)
                {
                    continue;
                }

                var won = Simulator.NewWins(_p, seed, sim, a, s, zw * zc[s] * Simulator.Of(zr, _p.RepOfAtom[a]));
                if (won == 0)
                {
                    continue;
                }

                var amount = Simulator.NewAmount(_p, seed, sim, a, s, won);
                foreach (var (bucket, value) in slots[s])
                {
                    into[bucket] += amount * value;
                    touched?.Add(bucket);
                }
            }
        }

        for (var a = 0; a < _sharedSlots.Length; a++)
        {
            var slots = _sharedSlots[a];
            for (var s = 0; s < slots.Length; s++)
            {
                if (slots[s] is not { } perSet)
                {
                    continue;
                }

                var won = Simulator.NewWins(_p, seed, sim, a, s, zw * zc[s] * Simulator.Of(zr, _p.RepOfAtom[a]));
                if (won == 0)
                {
                    continue;
                }

                var amount = Simulator.NewAmount(_p, seed, sim, a, s, won);
                for (var set = 0; set < perSet.Length; set++)
                {
                    shared[set] += amount * perSet[set];
                }
            }
        }

        var z = Simulator.BookNormal(seed, sim);
        for (var set = 0; set < book.Length; set++)
        {
            book[set] = CounterRandom.LogNormalShock(_m.Revenue.BookShockVariance * _horizon[set], z);
        }
    }

    /// <summary>Per slot, the revenue per unit of amount won in each month set over the lines (null where there is none).</summary>
    private double[]?[] SharedSlots(Func<int, IReadOnlyList<(int Line, double Share)>> lines, int type)
    {
        var horizon = _p.Horizon;
        var result = new double[]?[horizon.Slots];
        for (var s = 0; s < horizon.Slots; s++)
        {
            var won = MonthIndex.Of(horizon.SlotMonth[s]);
            var perSet = new double[_monthSets.Length];
            var any = false;
            foreach (var (line, share) in lines(s))
            {
                for (var set = 0; set < _monthSets.Length; set++)
                {
                    var value = 0.0;
                    foreach (var month in _monthSets[set])
                    {
                        value += _m.Revenue.Shape(line, type, month - won);
                    }

                    perSet[set] += value * share;
                    any |= value > 0;
                }
            }

            result[s] = any ? perSet : null;
        }

        return result;
    }

    /// <summary>The buckets items and atoms can add to, when few enough that clearing them one by one beats clearing all.</summary>
    private int[]? Touched()
    {
        var touched = new HashSet<int>();
        foreach (var slots in _itemSlots.Concat(_atomSlots))
        {
            foreach (var slot in slots ?? [])
            {
                foreach (var (bucket, _) in slot)
                {
                    touched.Add(bucket);
                    if (touched.Count > Buckets / 8)
                    {
                        return null;
                    }
                }
            }
        }

        return [.. touched];
    }

    private (int Bucket, double Value)[][] Slots(Func<int, IReadOnlyList<(int Key, int Line, double Weight)>> targets, int type, double amount)
    {
        var horizon = _p.Horizon;
        var result = new (int, double)[horizon.Slots][];
        for (var s = 0; s < horizon.Slots; s++)
        {
            var won = MonthIndex.Of(horizon.SlotMonth[s]);
            var list = new List<(int, double)>();
            foreach (var (key, line, weight) in targets(s))
            {
                for (var set = 0; set < _monthSets.Length; set++)
                {
                    var value = 0.0;
                    foreach (var month in _monthSets[set])
                    {
                        value += _m.Revenue.Shape(line, type, month - won);
                    }

                    if (value > 0)
                    {
                        list.Add(((key * _monthSets.Length) + set, value * weight * amount));
                    }
                }
            }

            result[s] = [.. list];
        }

        return result;
    }
}
