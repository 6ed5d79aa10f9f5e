using System.Collections.Concurrent;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Everything one indicator computation sees: the prepared data, the slicing, the period, the as-of instant t and the
/// target, plus a memo shared by every indicator of one query so that shared figures (closed-deal stats, trailing
/// win rates, the open pipeline) are computed once.
/// </summary>
internal sealed class Scope
{
    private readonly Memo _memo;

    public Scope(
        PreparedData data, EngineCache cache, SliceSpace space, Period period, DateTimeOffset asOf, decimal? target,
        IReadOnlyDictionary<Dimension, string> filter)
    {
        Data = data;
        Cache = cache;
        Space = space;
        Period = period;
        AsOf = asOf;
        T = asOf.UtcTicks;
        Target = target;
        _memo = cache.Memo(space, T);
        Filter = filter;
    }

    public PreparedData Data { get; }

    public EngineCache Cache { get; }

    public SliceSpace Space { get; }

    public Period Period { get; }

    public Window Window => Window.Of(Period);

    public DateTimeOffset AsOf { get; }

    /// <summary>The as-of instant in UTC ticks: only what happened strictly before it counts.</summary>
    public long T { get; }

    public decimal? Target { get; }

    /// <summary>The query's fixed slice.</summary>
    public IReadOnlyDictionary<Dimension, string> Filter { get; }

    public long Start => Period.StartInstant.UtcTicks;

    public long End => Period.EndInstant.UtcTicks;

    /// <summary>The instant state indicators are read at: the end of P, or t when that comes first.</summary>
    public long Reference => Math.Min(End, T);

    public int Groups => Space.GroupCount;

    public FiscalCalendar Calendar => Data.Calendar;

    public Scope ForPeriod(Period period) => new(Data, Cache, Space, period, AsOf, Target, Filter);

    /// <summary>The same question under another slicing (same filter), e.g. the whole company beside each vertical.</summary>
    public Scope Sliced(IReadOnlyList<Dimension> by)
    {
        return new(Data, Cache, Cache.Slicing(by, Filter, Space.FiltersWhereCarried), Period, AsOf, Target, Filter);
    }

    /// <summary>
    /// A figure computed once per slicing and as-of instant, and shared by every indicator and query that asks for it
    /// (the key must name everything else it depends on: windows, periods). Never depends on the query's target.
    /// </summary>
    public T Memo<T>(string key, Func<T> compute)
        where T : class => _memo.Get(key, compute);

    /// <summary>An outcome per group.</summary>
    public Outcome[] Each(Func<int, Outcome> outcome)
    {
        var result = new Outcome[Groups];
        for (var g = 0; g < result.Length; g++)
        {
            result[g] = outcome(g);
        }

        return result;
    }
}

/// <summary>Figures of one slicing at one as-of instant, computed at most once each (safe for concurrent queries).</summary>
internal sealed class Memo
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _values = new(StringComparer.Ordinal);

    public T Get<T>(string key, Func<T> compute)
        where T : class => (T)_values.GetOrAdd(key, _ => new Lazy<object>(compute)).Value;
}
