using System.Collections.Concurrent;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// What an engine keeps between queries: slicings (each maps every table row to a group), the open pipeline at an
/// instant (the deals open then with their state), stage win rates, and the figures indicators share per slicing and
/// as-of instant. All depend only on the Dataset, so they never go stale; they are bounded so a long-lived engine does
/// not grow without limit. Safe for concurrent queries.
/// </summary>
internal sealed class EngineCache(PreparedData data)
{
    private const int MaxSlicings = 64;
    private const int MaxOpenSets = 256;

    private readonly ConcurrentDictionary<string, Lazy<SliceSpace>> _slicings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Lazy<OpenSet>> _open = new();
    private readonly ConcurrentDictionary<long, Lazy<StageRates>> _stageRates = new();
    private readonly ConcurrentDictionary<(SliceSpace Space, long T), Memo> _memos = new();
    private readonly ConcurrentDictionary<(long At, int Start, int End), Lazy<object>> _slipped = new();

    /// <summary>The shared figures of a slicing as of an instant (see <see cref="Scope.Memo{T}"/>).</summary>
    public Memo Memo(SliceSpace space, long t)
    {
        if (_memos.Count > MaxSlicings)
        {
            _memos.Clear();
        }

        return _memos.GetOrAdd((space, t), _ => new Memo());
    }

    public SliceSpace Slicing(IReadOnlyList<Dimension> by, IReadOnlyDictionary<Dimension, string> filter, bool filtersWhereCarried = false)
    {
        var key = string.Join(',', by) + "|" + string.Join(';', filter.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")) + (filtersWhereCarried ? "|where-carried" : "");
        if (_slicings.Count > MaxSlicings)
        {
            _slicings.Clear();
        }

        return _slicings.GetOrAdd(key, _ => new Lazy<SliceSpace>(() => new SliceSpace(data, by, filter, filtersWhereCarried))).Value;
    }

    /// <summary>The deals open at the instant (ticks), with their state then.</summary>
    public OpenSet Open(long at)
    {
        if (_open.Count > MaxOpenSets)
        {
            _open.Clear();
        }

        return _open.GetOrAdd(at, t => new Lazy<OpenSet>(() => new OpenSet(data.Deals, t))).Value;
    }

    /// <summary>
    /// The positions (in <see cref="Open"/> at the instant) of the open deals that slipped out of the period: expected
    /// close after it as known at the instant, while an earlier history row had it inside; with that inside date.
    /// </summary>
    public (int[] Positions, int[] Inside) Slipped(long at, Time.Period period) =>
        (((int[], int[]))_slipped.GetOrAdd((at, period.Start.DayNumber, period.End.DayNumber), _ => new Lazy<object>(() => FindSlipped(at, period))).Value);

    private (int[], int[]) FindSlipped(long at, Time.Period period)
    {
        var deals = data.Deals;
        var open = Open(at);
        var startDay = period.Start.DayNumber;
        var endDay = period.End.DayNumber;
        var positions = new List<int>();
        var insides = new List<int>();
        for (var k = 0; k < open.Rows.Length; k++)
        {
            var i = open.Rows[k];
            if (open.Expected[k] == DealTable.NoDay || open.Expected[k] < endDay)
            {
                continue;
            }

            var inside = DealTable.NoDay;
            for (var h = deals.HistStart[i]; h < deals.HistStart[i] + deals.HistCount[i] && deals.HistTicks[h] < at; h++)
            {
                if (deals.HistExpected[h] >= startDay && deals.HistExpected[h] < endDay)
                {
                    inside = deals.HistExpected[h];
                }
            }

            if (inside != DealTable.NoDay)
            {
                positions.Add(k);
                insides.Add(inside);
            }
        }

        return ([.. positions], [.. insides]);
    }

    /// <summary>Each stage's historical win rate from the deals closed before the instant.</summary>
    public StageRates StageRates(long at)
    {
        if (_stageRates.Count > MaxOpenSets)
        {
            _stageRates.Clear();
        }

        return _stageRates.GetOrAdd(at, t => new Lazy<StageRates>(() => new StageRates(data, t))).Value;
    }
}
