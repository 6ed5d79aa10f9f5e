using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// One forecast of one indicator for one period and slice, as the JSON contract writes it (snake_case names from the
/// caller's options, e.g. <see cref="IndicatorJson.Options"/>):
/// <c>{"indicator": "bookings", "period": "2025-Q4", "as_of": "2025-10-01T00:00:00Z", "slice": {}, "p10": …, "p50": …,
/// "p90": …, "mean": …, "unit": "money", "parts": {"closed": …, "open_pipeline": …, "not_yet_created": …},
/// "provisional": false, "missing_reason": null}</c>.
/// <para>
/// <see cref="Parts"/> are expected values (means over the simulated futures) and add up exactly to <see cref="Mean"/>;
/// quantiles do not add, so the parts do not sum to <see cref="P50"/>. Ranges of a breakdown (reps) and of its total
/// (their team, the company) come from the same simulated futures, so each future's total is the sum of its parts.
/// </para>
/// </summary>
public sealed record ForecastRow
{
    public required string Indicator { get; init; }

    public required string Period { get; init; }

    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Dimension (snake_case) → value; empty for the whole company.</summary>
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    /// <summary>The 10th percentile of the simulated outcomes: 9 futures in 10 come out above it.</summary>
    public decimal? P10 { get; init; }

    /// <summary>The median outcome: the forecast.</summary>
    public decimal? P50 { get; init; }

    /// <summary>The 90th percentile: 9 futures in 10 come out below it.</summary>
    public decimal? P90 { get; init; }

    /// <summary>The expected outcome, which the parts add up to.</summary>
    public decimal? Mean { get; init; }

    /// <summary><c>money</c>, <c>count</c> or <c>ratio</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>
    /// What the forecast is made of, as expected values: for bookings, won deals and new logos <c>closed</c>,
    /// <c>open_pipeline</c>, <c>not_yet_created</c>; for revenue <c>closed</c>, <c>existing_book</c>, <c>new_bookings</c>.
    /// Null for ratios, whose parts do not add.
    /// </summary>
    public IReadOnlyDictionary<string, decimal>? Parts { get; init; }

    /// <summary>True when the figure rests on data known to be partial (the reason says how).</summary>
    public bool Provisional { get; init; }

    public string? ProvisionalReason { get; init; }

    /// <summary>Why there is no forecast (unknown indicator, missing file, grain too fine…), or null.</summary>
    public string? MissingReason { get; init; }

    /// <summary>The scenario the row was forecast under; null for the base forecast.</summary>
    public string? Scenario { get; init; }

    /// <summary>Percentiles 1 to 99 of the simulated outcomes, when the query asks for them.</summary>
    public IReadOnlyList<decimal>? Distribution { get; init; }
}
