namespace Bellwether.Core.Forecasting.Backtesting;

/// <summary>
/// A backtest's answer: every point (period × offset) and the accuracy of the forecast and each baseline per offset.
/// <see cref="Points"/> are the chart's series: per offset, actual, P10/P50/P90 and the baselines by period.
/// </summary>
public sealed record BacktestResult
{
    public required string Indicator { get; init; }

    public required string Grain { get; init; }

    public required IReadOnlyList<BacktestPoint> Points { get; init; }

    public required IReadOnlyList<AccuracySummary> Summary { get; init; }

    /// <summary>Caveats about the data that the numbers depend on (e.g. no history: amounts of later-closed deals leak).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
