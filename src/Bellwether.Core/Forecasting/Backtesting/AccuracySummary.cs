namespace Bellwether.Core.Forecasting.Backtesting;

/// <summary>
/// The accuracy of one method at one offset over a backtest's periods (indicators.md, Forecast): wape = Σ|P50 − actual|
/// / Σ actual; bias = Σ(P50 − actual) / Σ actual; hit_rate_5 = share of periods within 5% of actual; p10_p90_coverage =
/// share of periods whose actual falls inside [P10, P90] (the forecast only; ideal 0.8). Null where no period had a value.
/// </summary>
public sealed record AccuracySummary
{
    /// <summary><c>forecast</c>, <c>stage_weighted</c>, <c>previous_period</c> or <c>year_earlier</c>.</summary>
    public required string Method { get; init; }

    public required int Offset { get; init; }

    /// <summary>Periods the method had a value for.</summary>
    public required int Periods { get; init; }

    public decimal? Wape { get; init; }

    public decimal? Bias { get; init; }

    public decimal? HitRate5 { get; init; }

    public decimal? P10P90Coverage { get; init; }
}
