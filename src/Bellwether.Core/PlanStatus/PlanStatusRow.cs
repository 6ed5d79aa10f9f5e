using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;

namespace Bellwether.Core.PlanStatus;

/// <summary>How a plan's projected value was reached.</summary>
public enum PlanBasis
{
    /// <summary>The period is over at the as-of instant: the projection is the actual.</summary>
    Actual,

    /// <summary>The period is not over: the projection is the forecast's P50.</summary>
    Forecast,
}

/// <summary>
/// One plan against what happened and what is forecast (indicators.md, Plans), as known at <see cref="AsOf"/>: the
/// actual to date over the plan's period and slice; for a period not over, the forecast's P10, P50 and P90; the
/// projection (the actual for a period that is over — basis <c>actual</c> — and the P50 otherwise — basis
/// <c>forecast</c>); attainment (projected / target, target / projected where lower is better), variance
/// (projected − target, in the metric's unit: ratios as fractions), and status: <c>on_track</c> at 100% or more,
/// <c>at_risk</c> from 90%, <c>off_track</c> below. Whatever cannot be said is null with the reason.
/// </summary>
public sealed record PlanStatusRow
{
    public required Pillar Pillar { get; init; }

    /// <summary>The person accountable (for a roll-up or a gap, the finer plans' owners).</summary>
    public required string Owner { get; init; }

    public required string Metric { get; init; }

    public required string Period { get; init; }

    /// <summary>Dimension → value; empty for the whole company.</summary>
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    /// <summary><c>money</c> (the company's currency), <c>ratio</c> (a fraction), <c>count</c>, <c>days</c>…</summary>
    public required string Unit { get; init; }

    /// <summary>The plan's target; null for a quarter or year with no plan (<see cref="MissingReason"/> says why).</summary>
    public decimal? Target { get; init; }

    /// <summary>The months a rolled-up target adds up; empty for a plan as set.</summary>
    public IReadOnlyList<string> RolledUpFrom { get; init; } = [];

    /// <summary>The indicator over the plan's period and slice as known at <see cref="AsOf"/>; null with <see cref="ActualMissingReason"/>.</summary>
    public decimal? Actual { get; init; }

    /// <summary>True while the period (or a month or cohort of it) is still open: the actual is to date.</summary>
    public bool ActualProvisional { get; init; }

    public string? ActualMissingReason { get; init; }

    public decimal? P10 { get; init; }

    public decimal? P50 { get; init; }

    public decimal? P90 { get; init; }

    /// <summary>The actual for a period that is over, the P50 for one that is not.</summary>
    public decimal? Projected { get; init; }

    /// <summary><c>actual</c> or <c>forecast</c>; null when there is no projection.</summary>
    public PlanBasis? Basis { get; init; }

    /// <summary>Projected / target (target / projected where lower is better), a fraction: 0.92 is 92%.</summary>
    public decimal? Attainment { get; init; }

    /// <summary>Projected − target, in the metric's unit.</summary>
    public decimal? Variance { get; init; }

    public SignalStatus? Status { get; init; }

    /// <summary>Why there is no target, projection or status; null when there is a status.</summary>
    public string? MissingReason { get; init; }

    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The scenario the forecast was made under; null for the base forecast.</summary>
    public string? Scenario { get; init; }

    /// <summary>The same plan as it stood and was read a week earlier; null when not asked for.</summary>
    public PlanWeekEarlier? WeekEarlier { get; init; }
}
