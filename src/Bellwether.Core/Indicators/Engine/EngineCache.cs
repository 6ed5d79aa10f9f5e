using System.Collections.Concurrent;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// What an engine keeps between queries: slicings (each maps every table row to a group) and the open pipeline at an
/// instant (the deals open then with their state). Both depend only on the Dataset, so they never go stale; they are
/// bounded so a long-lived engine does not grow without limit. Safe for concurrent queries.
/// </summary>
internal sealed class EngineCache(PreparedData data)
{
    private const int MaxSlicings = 64;
    private const int MaxOpenSets = 256;

    private readonly ConcurrentDictionary<string, Lazy<SliceSpace>> _slicings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Lazy<OpenSet>> _open = new();
    private readonly ConcurrentDictionary<long, Lazy<StageRates>> _stageRates = new();

    public SliceSpace Slicing(IReadOnlyList<Dimension> by, IReadOnlyDictionary<Dimension, string> filter)
    {
        var key = string.Join(',', by) + "|" + string.Join(';', filter.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
        if (_slicings.Count > MaxSlicings)
        {
            _slicings.Clear();
        }

        return _slicings.GetOrAdd(key, _ => new Lazy<SliceSpace>(() => new SliceSpace(data, by, filter))).Value;
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
