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
    private readonly Dictionary<string, object> _memo;
    private readonly MemoStore _memos;

    public Scope(
        PreparedData data, EngineCache cache, SliceSpace space, Period period, DateTimeOffset asOf, decimal? target,
        Dictionary<string, object> memo, MemoStore memos, IReadOnlyDictionary<Dimension, string> filter)
    {
        Data = data;
        Cache = cache;
        Space = space;
        Period = period;
        AsOf = asOf;
        T = asOf.UtcTicks;
        Target = target;
        _memo = memo;
        _memos = memos;
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

    public Scope ForPeriod(Period period) => new(Data, Cache, Space, period, AsOf, Target, _memo, _memos, Filter);

    /// <summary>The same question under another slicing (same filter), e.g. the whole company beside each vertical.</summary>
    public Scope Sliced(IReadOnlyList<Dimension> by)
    {
        var space = Cache.Slicing(by, Filter);
        return new(Data, Cache, space, Period, AsOf, Target, _memos.For(space), _memos, Filter);
    }

    public T Memo<T>(string key, Func<T> compute)
        where T : class
    {
        if (_memo.TryGetValue(key, out var value))
        {
            return (T)value;
        }

        var result = compute();
        _memo[key] = result;
        return result;
    }

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

/// <summary>One memo per slicing, for the length of one query.</summary>
internal sealed class MemoStore
{
    private readonly Dictionary<SliceSpace, Dictionary<string, object>> _memos = [];

    public Dictionary<string, object> For(SliceSpace space)
    {
        if (!_memos.TryGetValue(space, out var memo))
        {
            memo = new Dictionary<string, object>(StringComparer.Ordinal);
            _memos[space] = memo;
        }

        return memo;
    }
}
