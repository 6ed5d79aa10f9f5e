using Bellwether.Core.Plans;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// A plan line (plans.csv) against the forecast (indicators.md, Plans): the projected value is the forecast's P50 for a
/// period not over at the as-of instant and the actual for one that is; attainment = projected / target (target /
/// projected where lower is better); status <c>on_track</c> (≥ 100%), <c>at_risk</c> (90–&lt;100%) or
/// <c>off_track</c> (&lt; 90%). P10 and P90 say how sure the projection is.
/// </summary>
public sealed record PlanProjection
{
    public required Pillar Pillar { get; init; }

    public required string Metric { get; init; }

    public required string Period { get; init; }

    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    public required string Owner { get; init; }

    public required decimal Target { get; init; }

    public decimal? Projected { get; init; }

    public decimal? P10 { get; init; }

    public decimal? P90 { get; init; }

    public decimal? Attainment { get; init; }

    /// <summary>Projected − target.</summary>
    public decimal? Variance { get; init; }

    /// <summary><c>on_track</c>, <c>at_risk</c> or <c>off_track</c>; null when there is no projection.</summary>
    public string? Status { get; init; }

    /// <summary>Whether the period was over at the as-of instant (the projection is then the actual).</summary>
    public bool Over { get; init; }

    public string? MissingReason { get; init; }

    /// <summary>The scenario the projection was made under; null for the base forecast.</summary>
    public string? Scenario { get; init; }
}
