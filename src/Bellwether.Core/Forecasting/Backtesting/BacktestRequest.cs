using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Backtesting;

/// <summary>
/// A backtest: for each period of <see cref="Grain"/> from <see cref="From"/> to <see cref="To"/> (both included) and
/// each offset, forecast the period as of its first instant plus the offset in days (0: its first instant; 45: near
/// the middle of a quarter; −30: a month before it starts), using only what was known then, and compare with what
/// happened. <c>bellwether backtest bookings --grain quarter --from 2017-Q3 --to 2017-Q4 --offsets=0,45</c>.
/// </summary>
public sealed record BacktestRequest
{
    public required string Indicator { get; init; }

    public Grain Grain { get; init; } = Grain.Quarter;

    public required Period From { get; init; }

    public required Period To { get; init; }

    /// <summary>Days from each period's first instant to the instant the forecast is made.</summary>
    public IReadOnlyList<int> Offsets { get; init; } = [-30, 0, 45];

    /// <summary>A fixed slice the indicator is restricted to (e.g. <c>type=new_business</c>).</summary>
    public IReadOnlyDictionary<Dimension, string> Filter { get; init; } = new Dictionary<Dimension, string>();

    public ForecastOptions Options { get; init; } = ForecastOptions.Default;
}
