using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;

namespace Bellwether.Core.Forecasting.Backtesting;

/// <summary>
/// One forecast of a backtest beside what happened: the period, the offset and instant it was made at, the forecast's
/// P10/P50/P90 and the baselines' values. Baselines that cannot be computed (no year-earlier data) are null.
/// </summary>
public sealed record BacktestPoint
{
    public required string Period { get; init; }

    public required int Offset { get; init; }

    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    public required decimal Actual { get; init; }

    public required decimal P10 { get; init; }

    public required decimal P50 { get; init; }

    public required decimal P90 { get; init; }

    /// <summary>Known by t plus Σ amount × p over closable deals (indicators.md); bookings-like indicators only.</summary>
    public decimal? StageWeighted { get; init; }

    /// <summary>The last full period of the same grain that ended by the as-of instant.</summary>
    public decimal? PreviousPeriod { get; init; }

    /// <summary>The same period a year earlier.</summary>
    public decimal? YearEarlier { get; init; }

    /// <summary>The forecast's parts at that instant (expected values).</summary>
    public IReadOnlyDictionary<string, decimal>? Parts { get; init; }
}
