using System.Text.Json.Serialization;

namespace Bellwether.Core.Indicators;

/// <summary>
/// One value of one indicator for one period and slice, as the JSON contract writes it (with snake_case property
/// names from the caller's serializer options, e.g. <see cref="IndicatorJson.Options"/>):
/// <c>{"indicator": "win_rate", "period": "2017-Q3", "as_of": "2026-11-28T09:00:00Z", "slice": {"vertical": "retail"},
/// "value": 0.63, "unit": "ratio", "provisional": false, "provisional_reason": null, "missing_reason": null, "detail": null}</c>.
/// Exactly one of <see cref="Value"/> and <see cref="MissingReason"/> is set.
/// </summary>
public sealed record IndicatorRow
{
    public required string Indicator { get; init; }

    /// <summary>The period's label: <c>2017-Q3</c>, <c>2017-07</c>, <c>2017-W27</c>…</summary>
    public required string Period { get; init; }

    /// <summary>The instant of knowledge the row was computed at, written as UTC ISO 8601 with a Z.</summary>
    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Dimension (snake_case) → value; empty for the whole company.</summary>
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    /// <summary>Null exactly when <see cref="MissingReason"/> says why. Ratios are fractions (0.12, not 12).</summary>
    public decimal? Value { get; init; }

    /// <summary><c>money</c>, <c>count</c>, <c>ratio</c>, <c>days</c> or <c>money_per_day</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>True while a period, month or cohort window is still open at the as-of instant, or data is partial.</summary>
    public bool Provisional { get; init; }

    /// <summary>Why the value is provisional, when it is.</summary>
    public string? ProvisionalReason { get; init; }

    /// <summary>Why there is no value (missing file, zero denominator, grain too fine…), or null.</summary>
    public string? MissingReason { get; init; }

    /// <summary>The lists and figures behind the value for indicators that carry them (reps, bands, classification…).</summary>
    public IndicatorDetail? Detail { get; init; }
}
